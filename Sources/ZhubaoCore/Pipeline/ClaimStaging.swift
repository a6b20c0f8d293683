import Foundation
import Logging
import ZhubaoSystem

/// What makes a claim run all or nothing (outputs.md `zhubao claim`). The new files are written
/// to `out/claims/YYYY/.staging/`; one transaction then records the run as STAGED with its
/// approvals and its list of files; the files are renamed into place (each file they replace
/// first moved to `superseded/{asOf of the replaced run}/`); the run is journaled and marked
/// DONE. A kill before the STAGED commit leaves only the staging folder, which the next command
/// removes; a kill after it leaves a STAGED run, which the next command finishes. Either way
/// the claim files and the approvals agree: the earlier ones, or the new ones, never a mix.
struct ClaimStaging {
    let workspace: Workspace
    let store: Store
    let logger: Logger

    /// A file of a run, and the as-of date of the run whose file of that name it replaces.
    struct StagedFile: Codable, Equatable {
        var name: String
        var replaces: String?
    }

    func stagingFolder(year: Int) -> URL {
        workspace.claims(year: year).appendingPathComponent(".staging", isDirectory: true)
    }

    /// Stages `files`, records the run and its approvals in one transaction, then finishes it.
    func commit(_ run: ClaimRunRecord, files: [(name: String, data: Data)], approvals: [ClaimApprovalRecord], now: Date) throws {
        let fm = FileManager.default
        let staging = stagingFolder(year: run.year)
        if fm.fileExists(atPath: staging.path) { try fm.removeItem(at: staging) }
        for file in files { try AtomicFile.write(file.data, to: staging.appendingPathComponent(file.name), mode: 0o640) }
        var staged: [StagedFile] = []
        for file in files {
            let final = workspace.claims(year: run.year).appendingPathComponent(file.name)
            staged.append(StagedFile(name: file.name,
                                     replaces: fm.fileExists(atPath: final.path) ? try replacedAsOf(file.name, year: run.year) : nil))
        }
        var run = run
        run.files = String(decoding: try JSONEncoder().encode(staged), as: UTF8.self)
        let recorded = try store.insertClaimRun(run, approvals: approvals)
        try finish(recorded.0, approvals: recorded.1, now: now)
    }

    /// The as-of date of the last finished run of the year that wrote a file of this name.
    func replacedAsOf(_ name: String, year: Int) throws -> String {
        let runs = try store.claimRuns(state: ClaimRunRecord.done, year: year).reversed()
        for run in runs where try Self.files(of: run).contains(where: { $0.name == name }) { return run.asOf }
        // Written before runs listed their files: the last run of the year, else "earlier".
        return runs.first?.asOf ?? "earlier"
    }

    static func files(of run: ClaimRunRecord) throws -> [StagedFile] {
        try JSONDecoder().decode([StagedFile].self, from: Data(run.files.utf8))
    }

    /// Moves every staged file into place, journals the run and marks it DONE. Each step can be
    /// repeated: a file whose staged copy is gone is already in place.
    func finish(_ run: ClaimRunRecord, approvals: [ClaimApprovalRecord], now: Date) throws {
        let fm = FileManager.default
        let folder = workspace.claims(year: run.year), staging = stagingFolder(year: run.year)
        for file in try Self.files(of: run) {
            let staged = staging.appendingPathComponent(file.name)
            guard fm.fileExists(atPath: staged.path) else { continue }
            let final = folder.appendingPathComponent(file.name)
            if fm.fileExists(atPath: final.path) {
                let kept = folder.appendingPathComponent("superseded", isDirectory: true)
                    .appendingPathComponent(file.replaces ?? "earlier", isDirectory: true)
                try fm.createDirectory(at: kept, withIntermediateDirectories: true)
                let target = kept.appendingPathComponent(file.name)
                if fm.fileExists(atPath: target.path) { try fm.removeItem(at: target) }
                try fm.moveItem(at: final, to: target)
            }
            try fm.moveItem(at: staged, to: final)
        }
        try AtomicFile.syncFolder(folder)  // the renames are on disk before the run counts as done
        var done = run
        done.state = ClaimRunRecord.done
        let journal = Journal(workspace: workspace)
        if try !journal.holdsClaimRun(run.id!) {
            try journal.record(.claim, store: store, claim: (done, approvals), now: now)
        }
        try store.markClaimRunDone(run.id)
        if fm.fileExists(atPath: staging.path) { try fm.removeItem(at: staging) }
    }

    /// Finishes every STAGED run, and removes the staging folder of a claim killed before it was
    /// recorded. Runs under the run lock, before anything else reads the claims.
    func recover() throws {
        for run in try store.claimRuns(state: ClaimRunRecord.staged) {
            logger.warning("finishing a claim run that was interrupted", metadata: ["year": "\(run.year)", "run": "\(run.id ?? 0)"])
            try finish(run, approvals: try store.approvals(ofClaimRun: run.id), now: Date())
        }
        let claims = workspace.out.appendingPathComponent("claims", isDirectory: true)
        for year in (try? FileManager.default.contentsOfDirectory(atPath: claims.path)) ?? [] {
            guard let number = Int(year) else { continue }
            let staging = stagingFolder(year: number)
            if FileManager.default.fileExists(atPath: staging.path) {
                logger.warning("removing the files of a claim run killed before it was recorded", metadata: ["year": "\(year)"])
                try FileManager.default.removeItem(at: staging)
            }
        }
    }
}
