import ZhubaoCore

/// The faults the generator can inject, each with the catalogue codes it raises
/// (rules.md §7). Every business fault goes to its own borrower, so it raises exactly these.
public enum GenFault: String, Sendable, CaseIterable, Codable {
    // File level: the file is rejected whole (E001); a corrected resend follows with SEQ + 1.
    case badName = "bad-name", regionMismatch = "region-mismatch", wrongCount = "wrong-count"
    case wrongTotal = "wrong-total", threeDecimals = "three-decimals", invalidGB18030 = "invalid-gb18030"
    case truncatedGzip = "truncated-gzip", dataAfterTrailer = "data-after-trailer"
    case secondHeader = "second-header", foreignCategory = "foreign-category"
    // Record level.
    case invalidID = "invalid-id", duplicateTicket = "duplicate-ticket", duplicateLoan = "duplicate-loan"
    case duplicateTxn = "duplicate-txn", duplicateParticipant = "duplicate-participant"
    // Business.
    case noApproval = "no-approval", tooYoung = "too-young", nonPartnerBank = "non-partner-bank"
    case rateAboveCap = "rate-above-cap", annualAboveMinimum = "annual-above-minimum"
    case lumpAboveCap = "lump-above-cap", annualYearOverlap = "annual-year-overlap"
    case bankDiffers = "bank-differs", noReceipt = "no-receipt", partlyMatched = "partly-matched"
    case orphanReceipt = "orphan-receipt", foreignContract = "foreign-contract"
    case baseAboveMinimum = "base-above-minimum", subsistenceBreach = "subsistence-breach"
    case deductionFailed = "deduction-failed", failedThree = "failed-three"
    case basicPensionTaken = "basic-pension-taken", deductionBeforePension = "deduction-before-pension"
    case interestOvercharged = "interest-overcharged", balanceWrong = "balance-wrong"
    case wrongAccount = "wrong-account", deathUnsettled = "death-unsettled"
    case deathShortfall = "death-shortfall", overClaim = "over-claim", claimNotDue = "claim-not-due"
    case underClaim = "under-claim", claimCancelled = "claim-cancelled", noCoBorrower = "no-co-borrower"

    public enum Level: String, Sendable { case file, record, business }

    public var level: Level {
        switch self {
        case .badName, .regionMismatch, .wrongCount, .wrongTotal, .threeDecimals, .invalidGB18030,
             .truncatedGzip, .dataAfterTrailer, .secondHeader, .foreignCategory: return .file
        case .invalidID, .duplicateTicket, .duplicateLoan, .duplicateTxn, .duplicateParticipant: return .record
        default: return .business
        }
    }

    /// The codes the fault raises (the manifest lists one entry per exception).
    public var codes: [String] {
        switch level {
        case .file: return ["E001"]
        case .record: return self == .invalidID ? ["E003"] : ["E004"]
        case .business: break
        }
        return GenFault.businessCodes[self] ?? []
    }

    /// The business faults' codes, by family (rules.md §7: E2xx approval … E6xx co-borrower).
    private static let businessCodes: [GenFault: [String]] = [
        .noApproval: ["E201"], .tooYoung: ["E202"], .nonPartnerBank: ["E203"], .rateAboveCap: ["E204"],
        .annualAboveMinimum: ["E205", "E305"], .lumpAboveCap: ["E206"], .annualYearOverlap: ["E207"], .bankDiffers: ["E208"],
        .noReceipt: ["E301"], .partlyMatched: ["E302"], .orphanReceipt: ["E303"], .foreignContract: ["E304"],
        .baseAboveMinimum: ["E305"],
        .subsistenceBreach: ["E401"], .deductionFailed: ["E402"], .failedThree: ["E402", "E403"], .basicPensionTaken: ["E404"],
        .deductionBeforePension: ["E405"], .interestOvercharged: ["E406"], .balanceWrong: ["E407"], .wrongAccount: ["E408"],
        .deathUnsettled: ["E409"], .deathShortfall: ["E409", "E410"],
        .overClaim: ["E501"], .claimNotDue: ["E502"], .underClaim: ["E503"], .claimCancelled: ["E504"],
        .noCoBorrower: ["E601"],
    ]

    /// Whether the fault exists in a profile: the profile applies every code it raises.
    public func applies(to profile: Profile) -> Bool {
        codes.allSatisfy(profile.applies)
    }

    /// Parses a fault name or a catalogue code (the first fault raising it).
    public init?(nameOrCode text: String) {
        if let fault = GenFault(rawValue: text) { self = fault; return }
        let code = text.uppercased()
        guard let fault = GenFault.allCases.first(where: { $0.codes.first == code && $0.level != .file })
            ?? (code == "E001" ? .wrongCount : nil) else { return nil }
        self = fault
    }
}
