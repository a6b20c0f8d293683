/// The six kinds of input file (formats.md).
package enum InputKind: String, Sendable, CaseIterable, Codable {
    case receipts = "RCPT", participants = "PART", hardship = "HARD"
    case disbursements = "DISB", deductions = "DEDU", claims = "CLAIM"

    /// The extension the kind travels under, before any `.gz`.
    package var fileExtension: String {
        switch self {
        case .receipts, .participants: return "xml"
        case .hardship: return "csv"
        case .disbursements, .deductions, .claims: return "txt"
        }
    }

    package var isBankFile: Bool { self == .disbursements || self == .deductions || self == .claims }
}

/// Who sends a file: an agency or a partner bank (formats.md "Common rules").
package enum Sender: Hashable, Sendable, CustomStringConvertible {
    case tax, socialInsurance, civilAffairs, ruralRevitalisation, employment
    case bank(code: String)

    package init?(_ text: some StringProtocol) {
        switch text {
        case "TAX": self = .tax
        case "SI": self = .socialInsurance
        case "MZ": self = .civilAffairs
        case "XC": self = .ruralRevitalisation
        case "JY": self = .employment
        default:
            let u = Array(text.utf8)
            guard u.count == 4, u[0] == UInt8(ascii: "B"), u[1...].allSatisfy({ $0 >= 48 && $0 <= 57 })
            else { return nil }
            self = .bank(code: String(text.dropFirst()))
        }
    }

    package var description: String {
        switch self {
        case .tax: return "TAX"
        case .socialInsurance: return "SI"
        case .civilAffairs: return "MZ"
        case .ruralRevitalisation: return "XC"
        case .employment: return "JY"
        case .bank(let code): return "B" + code
        }
    }

    package var bankCode: String? {
        if case .bank(let code) = self { return code }
        return nil
    }

    /// The kinds this sender may send.
    package var kinds: [InputKind] {
        switch self {
        case .tax: return [.receipts]
        case .socialInsurance: return [.participants]
        case .civilAffairs, .ruralRevitalisation, .employment: return [.hardship]
        case .bank: return [.disbursements, .deductions, .claims]
        }
    }
}

/// A parsed inbox file name: `{SENDER}_{KIND}_{REGION}_{YYYYMMDD}_{SEQ}.{ext}[.gz]`.
package struct FileName: Hashable, Sendable, CustomStringConvertible {
    package let raw: String
    package let sender: Sender
    package let kind: InputKind
    package let region: String
    package let businessDate: Day
    package let seq: Int
    package let gzip: Bool

    package var description: String { raw }

    /// Names a writer is still writing, hidden names: never imported, never quarantined.
    package static func isIgnored(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasSuffix(".part") || name.hasSuffix(".tmp")
    }

    /// Parses a name, or says in Chinese, for the reason file, what is wrong with it.
    package static func parse(_ name: String) -> Result<FileName, NameError> {
        // Everything after the first dot is the extension: `xml`, `csv`, `txt`, each optionally `.gz`.
        guard let dot = name.firstIndex(of: ".") else {
            return .failure(NameError("文件名缺少扩展名，应为 {发送方}_{类型}_{地区}_{日期}_{序号}.{xml|csv|txt}[.gz]"))
        }
        var ext = name[name.index(after: dot)...]
        let gzip = ext.hasSuffix(".gz")
        if gzip { ext = ext.dropLast(3) }
        let parts = name[..<dot].split(separator: "_", omittingEmptySubsequences: false)
        guard parts.count == 5 else {
            return .failure(NameError("文件名应由 5 段以下划线分隔的部分组成（{发送方}_{类型}_{地区}_{日期}_{序号}），实为 \(parts.count) 段"))
        }
        guard let sender = Sender(parts[0]) else {
            return .failure(NameError("发送方“\(parts[0])”不是 TAX、SI、MZ、XC、JY 或 B 加 3 位银行行别代码"))
        }
        guard let kind = InputKind(rawValue: String(parts[1])) else {
            return .failure(NameError("文件类型“\(parts[1])”不是 RCPT、PART、HARD、DISB、DEDU、CLAIM 之一"))
        }
        guard sender.kinds.contains(kind) else {
            return .failure(NameError("发送方 \(sender) 不能发送 \(kind.rawValue) 类文件"))
        }
        let region = String(parts[2])
        guard region.utf8.count == 6, region.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else {
            return .failure(NameError("地区代码“\(parts[2])”不是 6 位数字"))
        }
        guard let date = Day(compact: parts[3]) else {
            return .failure(NameError("业务日期“\(parts[3])”不是有效的 YYYYMMDD 日期"))
        }
        guard parts[4].utf8.count == 3, let seq = Int(parts[4]), seq >= 1 else {
            return .failure(NameError("序号“\(parts[4])”应为 001 起的 3 位数字"))
        }
        guard ext == kind.fileExtension else {
            return .failure(NameError("\(kind.rawValue) 类文件的扩展名应为 .\(kind.fileExtension)（可再加 .gz），实为 .\(name[name.index(after: dot)...])"))
        }
        return .success(FileName(raw: name, sender: sender, kind: kind, region: region,
                                 businessDate: date, seq: seq, gzip: gzip))
    }
}

package struct NameError: Error, Hashable, Sendable, CustomStringConvertible {
    package let reason: String
    package init(_ reason: String) { self.reason = reason }
    package var description: String { reason }
}
