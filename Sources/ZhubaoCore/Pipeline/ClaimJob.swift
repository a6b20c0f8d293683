import Foundation
import GRDB
import Logging

/// `zhubao claim` (outputs.md): verifies the banks' claims for a year against the subsidy
/// computed as of a date, writes `SUBSIDY_CLAIM_{region}_{bank}_{year}.xml` per bank for the
/// finance bureau, and records what it approved (for E505 in later daily runs).
public struct ClaimJob {
    public let workspace: Workspace
    public let logger: Logger

    public init(workspace: Workspace, logger: Logger) {
        self.workspace = workspace
        self.logger = logger
    }

    /// The claim of one bank for one year.
    public struct BankClaim: Sendable {
        public var bankCode: String
        public var lines: [ClaimStatement.Line]
        public var file: URL
    }

    public func run(year: Int, bank: String?, asOf: Day, now: Date = Date()) throws -> [BankClaim] {
        guard workspace.isInitialised else { throw ConfigError("\(workspace.configFile.path) 不存在：先运行 zhubao init") }
        let lock = try FileLock(path: workspace.lockPath)
        defer { lock.unlock() }
        let settings = try Settings.load(root: workspace.root)
        guard settings.profile.subsidisesInterest else { throw ClaimJobError.noSubsidy(settings.profile.name.rawValue) }
        let store = try Store.open(path: workspace.storePath)
        let ledger = try LedgerLoader(store: store).load(asOf: asOf, settings: settings)
        let statement = ClaimStatement(ledger: ledger, year: year)
        let banks = bank.map { [$0] } ?? statement.banks
        let folder = workspace.claims(year: year)
        var claims: [BankClaim] = []
        var readable: [ClaimsHTML.Bank] = []
        for code in banks {
            let lines = statement.lines(bank: code)
            let file = folder.appendingPathComponent("SUBSIDY_CLAIM_\(settings.region)_\(code)_\(year).xml")
            let xml = ClaimXML.render(region: settings.region, bank: code, year: year, asOf: asOf, lines: lines)
            try AtomicFile.write(xml, to: file, mode: 0o640)
            // For finance staff: masked, beside the XML.
            let bankReport = ClaimsHTML.Bank(code: code, name: settings.reference.bankNames[code], lines: lines)
            let xlsx = try ClaimXLSX.render(region: settings.region, year: year, asOf: asOf, bank: bankReport)
            try AtomicFile.write(xlsx, to: folder.appendingPathComponent(ClaimXLSX.fileName(region: settings.region, bank: code, year: year)),
                                 mode: 0o640)
            readable.append(bankReport)
            claims.append(BankClaim(bankCode: code, lines: lines, file: file))
            logger.info("claim written", metadata: ["bank": "\(code)", "year": "\(year)", "lines": "\(lines.count)"])
        }
        // claims.html is the page of a run over every bank; a run for one bank writes its own
        // page beside it and leaves the all-banks page as it was (README "Decisions").
        try AtomicFile.write(ClaimsHTML.render(region: settings.region, year: year, asOf: asOf, banks: readable),
                             to: folder.appendingPathComponent(Self.htmlName(bank: bank)), mode: 0o640)
        try record(claims, year: year, bank: bank, asOf: asOf, now: now, store: store)
        return claims
    }

    /// `claims.html` for every bank, `claims_NNN.html` for a run of bank NNN alone.
    static func htmlName(bank: String?) -> String {
        bank.map { "claims_\($0).html" } ?? "claims.html"
    }

    /// One claim run and its approvals, in one transaction.
    func record(_ claims: [BankClaim], year: Int, bank: String?, asOf: Day, now: Date, store: Store) throws {
        try store.database.write { db in
            var run = ClaimRunRecord(id: nil, year: year, bankCode: bank, asOf: asOf.iso,
                                     createdAt: ISO8601DateFormatter().string(from: now))
            try run.insert(db)
            for claim in claims {
                for line in claim.lines {
                    var approval = ClaimApprovalRecord(id: nil, claimRunId: run.id!, bankCode: claim.bankCode, loanNo: line.loanNo,
                                                       year: year, computed: line.computed.value,
                                                       claimed: line.claimed?.value, approved: line.approved.value)
                    try approval.insert(db)
                }
            }
        }
    }
}

public enum ClaimJobError: Error, CustomStringConvertible {
    case noSubsidy(String)

    public var description: String {
        switch self {
        case .noSubsidy(let profile):
            return "本市方案 \(profile) 不贴息：没有可核定的贴息申请（zhubao claim 仅适用于 ganzhou-2021）"
        }
    }
}
