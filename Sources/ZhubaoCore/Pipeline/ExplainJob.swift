import Foundation
import Logging

/// `zhubao explain LOANNO --year Y [--as-of D]`: the account of one claim line (rules.md §4,
/// §7 E501–E504) from the store as of D, made by the code that computes the claim
/// (`ClaimStatement`, `Subsidy.account`). Reads only: no lock, no run recorded, nothing written.
package final class ExplainJob: WorkspaceJob {
    package func account(loanNo: String, year: Int, asOf: Day) throws -> SubsidyAccount {
        let session = try WorkspaceSession(workspace: workspace, logger: logger, locking: .none, requires: [.store, .subsidy])
        let ledger = try LedgerLoader(store: try session.openStore()).load(asOf: asOf, settings: session.settings)
        guard ledger.drawdowns.contains(where: { $0.loanNo == loanNo }) || ledger.claimLines.contains(where: { $0.loanNo == loanNo })
        else { throw ExplainError.unknownLoan(loanNo, asOf: asOf) }
        logger.debug("explain", metadata: ["loanNo": "\(loanNo)", "year": "\(year)", "asOf": "\(asOf.iso)"])
        return ClaimStatement(ledger: ledger, year: year).account(loanNo: loanNo)
    }
}

package enum ExplainError: Error, CustomStringConvertible {
    case unknownLoan(String, asOf: Day)

    package var description: String {
        switch self {
        case .unknownLoan(let loanNo, let asOf):
            return "截至 \(asOf.iso)，数据库中没有借据号 \(loanNo) 的放款记录，也没有银行对它的贴息申请；请核对借据号（区分大小写）或 --as-of 日期"
        }
    }
}
