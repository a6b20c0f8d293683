/// What a receipt's conditions between fields depend on (formats.md §1), as the ordinary path
/// reads it from strings and the quick path from bytes.
struct ReceiptFacts {
    /// Both months, when both read.
    var period: (from: YearMonth, to: YearMonth)?
    var insurance: InsuranceType?
    /// `Base` is present and not empty.
    var hasBase: Bool
    var channel: ReceiptChannel?
    var hasContract: Bool
    var hasBank: Bool
    var status: ReceiptStatus?
    var hasReverses: Bool
    /// The amount, when it reads.
    var amount: Fen?
}

/// The conditions between a receipt's fields that the XSD cannot state: decided here once, for
/// the ordinary path (which words a broken one against its field) and the quick path (which
/// takes a receipt only when none is broken). In the order their diagnostics are listed.
enum ReceiptRule: CaseIterable {
    case periodOrder, baseFor110, contractForLoan, bankForLoan, reversedTicket, negativeNormal

    func isBroken(by f: ReceiptFacts) -> Bool {
        switch self {
        case .periodOrder: return f.period.map { $0.from > $0.to } ?? false
        case .baseFor110: return f.insurance == .employees && !f.hasBase
        case .contractForLoan: return f.channel == .loan && !f.hasContract
        case .bankForLoan: return f.channel == .loan && !f.hasBank
        case .reversedTicket: return f.status == .reversal && !f.hasReverses
        case .negativeNormal: return f.status == .normal && (f.amount ?? .zero) < .zero
        }
    }

    /// Whether no rule is broken.
    static func allHold(_ f: ReceiptFacts) -> Bool {
        !allCases.contains { $0.isBroken(by: f) }
    }

    /// The field a broken rule is reported against.
    var field: ReceiptFields.Field {
        switch self {
        case .periodOrder: return .periodTo
        case .baseFor110: return .base
        case .contractForLoan: return .contractNo
        case .bankForLoan: return .bankCode
        case .reversedTicket: return .reversesTicketNo
        case .negativeNormal: return .amount
        }
    }

    func message(_ f: ReceiptFacts) -> String {
        switch self {
        case .periodOrder:
            return "费款所属期止 \(f.period?.to.iso ?? "") 早于起 \(f.period?.from.iso ?? "")（PeriodFrom 应不晚于 PeriodTo）"
        case .baseFor110: return "险种 110（企业职工基本养老保险）必须填写 Base（缴费基数）"
        case .contractForLoan: return "渠道 LOAN（贷款代缴）必须填写 ContractNo（贷款合同号）"
        case .bankForLoan: return "渠道 LOAN（贷款代缴）必须填写 BankCode（放款银行行别代码）"
        case .reversedTicket: return "状态 REVERSAL（冲正）必须填写 ReversesTicketNo（被冲正的税票号）"
        case .negativeNormal: return "金额 \((f.amount ?? .zero).yuan) 为负：只有状态 REVERSAL（冲正）的税票可以为负数"
        }
    }
}

extension IDNumber {
    /// An ID number `FieldReader.idNumber` keeps byte for byte and without a warning: valid and
    /// already in the stored spelling (18 characters, an upper-case X). What the quick paths take.
    static func isPlainValid(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.count == 18 && bytes[17] != UInt8(ascii: "x") && isValid(bytes: bytes)
    }
}

extension YearMonth {
    /// `YYYY-MM` on bytes of that shape (the XSD's `Month`, already checked): `init(year:month:)` decides.
    init?(monthBytes u: UnsafeBufferPointer<UInt8>) {
        guard u.count == 7 else { return nil }
        func number(_ range: Range<Int>) -> Int { range.reduce(0) { $0 * 10 + Int(u[$1]) - 48 } }
        self.init(year: number(0..<4), month: number(5..<7))
    }
}
