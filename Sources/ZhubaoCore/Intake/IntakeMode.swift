/// How the intake knows that an inbox file is complete (`[settings] intake_mode`, issue 16).
package enum IntakeMode: String, Sendable, CaseIterable {
    /// formats.md: writers use a `.part`/`.tmp` name and rename when done; every other name is
    /// complete. The default.
    case rename
    /// A file is complete once `NAME.done` sits beside it; the marker is removed with the file.
    case marker
    /// A file is complete once its size and modification time have not changed for
    /// `stable_seconds`; a younger one is left for the next run.
    case stable

    /// The marker of a file: its name and `.done`.
    static let markerSuffix = Array(".done".utf8)
}
