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
        switch self {
        case .noApproval: return [.e201]
        case .tooYoung: return [.e202]
        case .nonPartnerBank: return [.e203]
        case .rateAboveCap: return [.e204]
        case .annualAboveMinimum: return [.e205, .e305]
        case .lumpAboveCap: return [.e206]
        case .annualYearOverlap: return [.e207]
        case .bankDiffers: return [.e208]
        case .noReceipt: return [.e301]
        case .partlyMatched: return [.e302]
        case .orphanReceipt: return [.e303]
        case .foreignContract: return [.e304]
        case .baseAboveMinimum: return [.e305]
        case .subsistenceBreach: return [.e401]
        case .deductionFailed: return [.e402]
        case .failedThree: return [.e402, .e403]
        case .basicPensionTaken: return [.e404]
        case .deductionBeforePension: return [.e405]
        case .interestOvercharged: return [.e406]
        case .balanceWrong: return [.e407]
        case .wrongAccount: return [.e408]
        case .deathUnsettled: return [.e409]
        case .deathShortfall: return [.e409, .e410]
        case .overClaim: return [.e501]
        case .claimNotDue: return [.e502]
        case .underClaim: return [.e503]
        case .claimCancelled: return [.e504]
        case .noCoBorrower: return [.e601]
        default: return []
        }
    }

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
