import Foundation
import Logging
import ZhubaoCore

extension Zhubao.Run {
    /// `zhubao run --dry-run`: prints what `run` would do and changes nothing; not recorded in
    /// the run registry. Exits 0 when it could tell (the exit code `run` would give is printed),
    /// 75 when a run holds the lock, otherwise as `run` does.
    func runDry(asOf day: Day, logger: Logger) throws {
        try Exit.guarding(logger) {
            let result = try DryRunJob(workspace: options.workspace, logger: logger).run(asOf: day, intakeOnly: intakeOnly)
            print(result.text, terminator: "")
            return Exit.ok
        }
    }
}
