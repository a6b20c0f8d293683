import GRDB

/// A value stored as one of a closed set of texts (`rawValue`). Read strictly: a stored text
/// outside the set does not read back — GRDB throws a decoding error for the record, JSON
/// decoding (the journal) a `DecodingError`, `Row.code` a `StoredValueError` — never a default.
package protocol StoredCode: RawRepresentable<String>, Codable, Sendable, Hashable, DatabaseValueConvertible {}

/// A coded field of an input record (formats.md) or of the store: a closed list of values,
/// stored as the bytes the file gave (`rawValue`). `allCases` is in the order messages list the values.
package protocol RecordCode: StoredCode, CaseIterable where AllCases == [Self] {}

extension RecordCode {
    /// The code spelled by `bytes`, compared byte for byte (over the raw value's contiguous
    /// UTF-8: through `String.UTF8View` the quick path's three codes cost 2.5 % of a receipt file).
    init?(bytes: UnsafeBufferPointer<UInt8>) {
        for code in Self.allCases {
            let raw = code.rawValue.utf8
            guard raw.count == bytes.count else { continue }
            if raw.withContiguousStorageIfAvailable({ $0.elementsEqual(bytes) }) ?? raw.elementsEqual(bytes) {
                self = code
                return
            }
        }
        return nil
    }

    /// The values in the order of the format, for messages: `110、170`.
    static var listed: String { allCases.map(\.rawValue).joined(separator: "、") }
}

/// `InsuranceType` of a receipt or participant: `110` 企业职工基本养老保险 (a receipt needs its
/// `Base`), `170` 城乡居民基本养老保险.
package enum InsuranceType: String, RecordCode { case employees = "110", residents = "170" }

/// A receipt's `Channel`: paid from a loan drawdown through the collection account, or by the person.
package enum ReceiptChannel: String, RecordCode { case loan = "LOAN", selfPaid = "SELF" }

/// A receipt's `Status`: a reversal reverses the receipt `ReversesTicketNo` names, and may be negative.
package enum ReceiptStatus: String, RecordCode { case normal = "NORMAL", reversal = "REVERSAL" }

/// A participant's `Gender` (GB/T 2261.1).
package enum Gender: String, RecordCode { case male = "1", female = "2" }

/// A participant's `Loan/Mode`.
package enum LoanMode: String, RecordCode { case annual = "ANNUAL", lump = "LUMP" }

/// A co-borrower's `Relation`.
package enum CoBorrowerRelation: String, RecordCode { case child = "CHILD", guarantor = "GUARANTOR" }

/// The department that sends a hardship list: 民政 (civil affairs), 乡村振兴 (rural
/// revitalisation), 就业 (employment).
package enum HardshipDepartment: String, RecordCode { case civilAffairs = "MZ", ruralRevitalisation = "XC", employment = "JY" }

/// A hardship row's category code (formats.md §3), with its department and its name in the file.
package enum HardshipCategory: String, RecordCode {
    case tk = "TK", db = "DB", dsr = "DSR", zcx = "ZCX", tp = "TP", by = "BY", xg = "XG"

    package var department: HardshipDepartment {
        switch self {
        case .tk, .db, .dsr, .zcx: return .civilAffairs
        case .tp, .by: return .ruralRevitalisation
        case .xg: return .employment
        }
    }

    /// The name a list gives it (人员类别).
    package var name: String {
        switch self {
        case .tk: return "特困人员"
        case .db: return "最低生活保障对象"
        case .dsr: return "低收入家庭"
        case .zcx: return "支出型贫困家庭"
        case .tp: return "脱贫户"
        case .by: return "贫困边缘户"
        case .xg: return "下岗失业人员"
        }
    }
}

/// A hardship row's 终止原因: left normally, or revoked (the certification was false).
package enum HardshipEndReason: String, RecordCode { case normalExit = "正常退出", revoked = "撤销" }

/// A drawdown's `mode`.
package enum DrawdownMode: String, RecordCode { case annual = "A", lump = "L" }

/// A drawdown line's `status`: a new drawdown, or the cancellation (冲销) of the drawdown with
/// the same loan number, amount negated.
package enum DrawdownStatus: String, RecordCode { case new = "N", cancellation = "C" }

/// A bank transaction's `kind`: a monthly deduction from the pension (养老金划扣), a voluntary
/// repayment, an early payoff (提前结清), a settlement from the personal account after death.
package enum TransactionKind: String, RecordCode { case pensionDeduction = "P", voluntary = "V", earlyPayoff = "E", deathSettlement = "D" }

/// A bank transaction's `result`.
package enum TransactionResult: String, RecordCode { case succeeded = "S", failed = "F", partial = "P" }
