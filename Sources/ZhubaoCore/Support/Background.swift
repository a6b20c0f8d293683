import Foundation

/// A value computed on a thread of its own, started at once: `wait()` blocks until it is there
/// (its error thrown), and returns it again at once after that. What `work` touches it touches
/// alone until `wait()` returns (the caller's part: `IndexBuild` works on a connection of its
/// own, the ledger's snapshots are read on another).
package final class Background<T>: @unchecked Sendable {
    private let condition = NSCondition()
    private var result: Result<T, any Error>?

    package init(_ work: @escaping () throws -> T) {
        let box = ThreadBox(work)
        let thread = Thread { [self] in
            let result = Result { try box.value() }
            condition.lock()
            self.result = result
            condition.broadcast()
            condition.unlock()
        }
        thread.stackSize = 8 << 20  // like a main thread
        thread.start()
    }

    @discardableResult
    package func wait() throws -> T {
        condition.lock()
        while result == nil { condition.wait() }
        let result = self.result!
        condition.unlock()
        return try result.get()
    }
}

/// A value handed to a thread that alone uses it from then on (`Background`, `Prefetch`).
final class ThreadBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}

/// A value freed on a thread of its own: a whole city's ledger and reconciliation are millions
/// of records and strings, a third of a second to free, which the run's last steps (the outbox,
/// the journal) need not wait for. The thread holds the last reference, so whatever the value
/// alone owned is freed there.
enum FreedAside {
    private final class Held<T>: @unchecked Sendable {
        var value: T?
        init(_ value: T) { self.value = value }
    }

    static func free<T>(_ value: consuming T) {
        let held = Held(value)
        _ = Background { held.value = nil }
    }
}
