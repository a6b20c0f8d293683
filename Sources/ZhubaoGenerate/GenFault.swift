import ZhubaoCore

/// The faults the generator can inject, each with the catalogue codes it raises
/// (rules.md §7). Every business fault goes to its own borrower, so it raises exactly these.
package enum GenFault: String, Sendable, CaseIterable, Codable {
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

    package enum Level: String, Sendable { case file, record, business }

    package var level: Level {
        switch self {
        case .badName, .regionMismatch, .wrongCount, .wrongTotal, .threeDecimals, .invalidGB18030,
             .truncatedGzip, .dataAfterTrailer, .secondHeader, .foreignCategory: return .file
        case .invalidID, .duplicateTicket, .duplicateLoan, .duplicateTxn, .duplicateParticipant: return .record
        default: return .business
        }
    }

    /// The codes the fault raises (the manifest lists one entry per exception).
    package var codes: [ExceptionCode] {
        switch level {
        case .file: return [.e001]
        case .record: return self == .invalidID ? [.e003] : [.e004]
        case .business: break
        }
        return GenFault.businessCodes[self] ?? []
    }

    /// The business faults' codes, by family (rules.md §7: E2xx approval … E6xx co-borrower).
    private static let businessCodes: [GenFault: [ExceptionCode]] = [
        .noApproval: [.e201], .tooYoung: [.e202], .nonPartnerBank: [.e203], .rateAboveCap: [.e204],
        .annualAboveMinimum: [.e205, .e305], .lumpAboveCap: [.e206], .annualYearOverlap: [.e207], .bankDiffers: [.e208],
        .noReceipt: [.e301], .partlyMatched: [.e302], .orphanReceipt: [.e303], .foreignContract: [.e304],
        .baseAboveMinimum: [.e305],
        .subsistenceBreach: [.e401], .deductionFailed: [.e402], .failedThree: [.e402, .e403], .basicPensionTaken: [.e404],
        .deductionBeforePension: [.e405], .interestOvercharged: [.e406], .balanceWrong: [.e407], .wrongAccount: [.e408],
        .deathUnsettled: [.e409], .deathShortfall: [.e409, .e410],
        .overClaim: [.e501], .claimNotDue: [.e502], .underClaim: [.e503], .claimCancelled: [.e504],
        .noCoBorrower: [.e601],
    ]

    /// Whether the fault exists in a profile: the profile applies every code it raises.
    package func applies(to profile: Profile) -> Bool {
        codes.allSatisfy(profile.applies)
    }

    /// Parses a fault name or a catalogue code (the first fault raising it).
    package init?(nameOrCode text: String) {
        if let fault = GenFault(rawValue: text) { self = fault; return }
        guard let code = ExceptionCode(rawValue: text.uppercased()) else { return nil }
        guard let fault = GenFault.allCases.first(where: { $0.codes.first == code && $0.level != .file })
            ?? (code == .e001 ? .wrongCount : nil) else { return nil }
        self = fault
    }
}
