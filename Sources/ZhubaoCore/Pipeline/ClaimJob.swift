import Foundation
import Logging
import ZhubaoSystem

/// `zhubao claim` (outputs.md): verifies the banks' claims for a year against the subsidy
/// computed as of a date, writes `SUBSIDY_CLAIM_{region}_{bank}_{year}.xml` per bank for the
/// finance bureau, and records what it approved (for E505 in later daily runs). All or nothing:
/// the files and approvals go through `ClaimStaging`.
package final class ClaimJob: WorkspaceJob {
    /// The claim of one bank for one year.
    package struct BankClaim: Sendable {
        package var bankCode: String
        package var lines: [ClaimStatement.Line]
        package var file: URL
    }

    /// With `force`, an as-of date earlier than the year's last claim run is allowed.
    /// `registry`, when given, records the run once the lock is held and the store opened.
    package func run(year: Int, bank: String?, asOf: Day, force: Bool = false, registry: RunRegistry? = nil,
                    now: Date = Date()) throws -> [BankClaim] {
        let session = try WorkspaceSession(workspace: workspace, logger: logger, locking: .fail, requires: .subsidy)
        defer { session.close() }
        let settings = session.settings, store = try session.openStore(registry: registry)
        let staging = ClaimStaging(workspace: workspace, store: store, logger: logger)
        if let last = try store.lastClaimRun(year: year, bank: bank), asOf.iso < last.asOf, !force {
            throw ClaimJobError.earlierThanLastRun(year: year, last: last.asOf, asOf: asOf.iso)
        }
        let ledger = try LedgerLoader(store: store).load(asOf: asOf, settings: settings)
        let statement = ClaimStatement(ledger: ledger, year: year)
        let banks = statement.claimingBanks.filter { bank == nil || $0 == bank }
        let folder = workspace.claims(year: year)
        var claims: [BankClaim] = []
        var readable: [ClaimsHTML.Bank] = []
        var files: [(name: String, data: Data)] = []
        for code in banks {
            let lines = statement.lines(bank: code)
            let name = "SUBSIDY_CLAIM_\(settings.region)_\(code)_\(year).xml"
            files.append((name, Data(ClaimXML.render(region: settings.region, bank: code, year: year, asOf: asOf, lines: lines).utf8)))
            // For finance staff: masked, beside the XML.
            let bankReport = ClaimsHTML.Bank(code: code, name: settings.reference.bankNames[code], lines: lines)
            files.append((ClaimXLSX.fileName(region: settings.region, bank: code, year: year),
                          try ClaimXLSX.render(region: settings.region, year: year, asOf: asOf, bank: bankReport,
                                               cityName: settings.reference.cities[settings.region]?.name)))
            readable.append(bankReport)
            claims.append(BankClaim(bankCode: code, lines: lines, file: folder.appendingPathComponent(name)))
        }
        guard !claims.isEmpty else {
            logger.info("no claim file known: nothing written", metadata: ["year": "\(year)"])
            return []
        }
        // claims.html is the page of a run over every bank; a run for one bank writes its own
        // page beside it and leaves the all-banks page as it was (README "Decisions").
        files.append((Self.htmlName(bank: bank),
                      Data(ClaimsHTML.render(region: settings.region, year: year, asOf: asOf, banks: readable,
                                             cityName: settings.reference.cities[settings.region]?.name).utf8)))
        let run = ClaimRunRecord(id: nil, year: year, bankCode: bank, asOf: asOf.iso,
                                 createdAt: ISO8601DateFormatter().string(from: now),
                                 state: ClaimRunRecord.staged, files: "[]", forced: force)
        try staging.commit(run, files: files, approvals: Self.approvals(claims, year: year), now: now)
        for claim in claims {
            logger.info("claim written", metadata: ["bank": "\(claim.bankCode)", "year": "\(year)", "lines": "\(claim.lines.count)"])
        }
        return claims
    }

    /// `claims.html` for every bank, `claims_NNN.html` for a run of bank NNN alone.
    static func htmlName(bank: String?) -> String {
        bank.map { "claims_\($0).html" } ?? "claims.html"
    }

    /// What the run approves, line by line (its run id is set when it is recorded).
    static func approvals(_ claims: [BankClaim], year: Int) -> [ClaimApprovalRecord] {
        claims.flatMap { claim in
            claim.lines.map { line in
                ClaimApprovalRecord(id: nil, claimRunId: 0, bankCode: claim.bankCode, loanNo: line.loanNo, year: year,
                                    computed: line.computed.value, claimed: line.claimed?.value, approved: line.approved.value)
            }
        }
    }
}

package enum ClaimJobError: Error, CustomStringConvertible {
    case noSubsidy(String)
    case earlierThanLastRun(year: Int, last: String, asOf: String)

    package var description: String {
        switch self {
        case .noSubsidy(let profile):
            return "本市方案 \(profile) 不贴息：没有可核定的贴息申请（zhubao claim 仅适用于 ganzhou-2021）"
        case .earlierThanLastRun(let year, let last, let asOf):
            return "拒绝执行：\(year) 年的贴息申请上次按 \(last) 的数据出具，本次核定日期 \(asOf) 更早，"
                + "重新出具会以较旧的数据覆盖财政局已收到的申请（未指定 --as-of 时核定日期为今天）。"
                + "请用 --as-of \(last) 或更晚的日期；确需按更早日期重出，请加 --force，"
                + "被替换的文件将保存在 out/claims/\(year)/superseded/\(last)/。"
        }
    }
}
