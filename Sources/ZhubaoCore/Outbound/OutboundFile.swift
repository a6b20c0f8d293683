import ZhubaoSystem

/// What zhubao sends (outbound.md): `FDBK` (问题反馈) and `ELIG` (财政贴息人员名单).
public enum OutboundKind: String, Sendable, CaseIterable, Codable {
    case feedback = "FDBK", eligibility = "ELIG"

    /// The number of fields of a detail line, `D` included.
    public var detailFieldCount: Int { self == .feedback ? 17 : 10 }
    /// The detail field holding the line's amount (0-based, `D` at 0).
    public var amountField: Int { self == .feedback ? 14 : 9 }
}

/// One detail line: its fields after `D`, and the amount the trailer sums (absent counts 0.00).
public struct OutboundLine: Sendable, Equatable {
    public var fields: [String]
    public var amount: Fen?

    public init(fields: [String], amount: Fen?) {
        self.fields = fields.map(Self.clean)
        self.amount = amount
    }

    /// outbound.md: no field holds `|`, CR or LF — `|` becomes `｜`, a line break a space.
    public static func clean(_ field: String) -> String {
        guard field.contains(where: { $0 == "|" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) else { return field }
        var out = ""
        for ch in field {
            switch ch {
            case "|": out.append("｜")
            case "\r\n", "\r", "\n": out.append(" ")
            default: out.append(ch)
            }
        }
        return out
    }

    public var text: String { (["D"] + fields).joined(separator: "|") }
}

/// One file for one recipient: a header, the detail lines sorted by their first field, a
/// trailer with the count and the total; GB18030, CRLF (outbound.md "Layout").
public struct OutboundFile: Sendable {
    public var recipient: String
    public var kind: OutboundKind
    public var region: String
    public var date: Day
    public var seq: Int
    public var lines: [OutboundLine]

    public init(recipient: String, kind: OutboundKind, region: String, date: Day, seq: Int, lines: [OutboundLine]) {
        self.recipient = recipient
        self.kind = kind
        self.region = region
        self.date = date
        self.seq = seq
        self.lines = lines.sorted { ($0.fields.first ?? "", $0.text) < ($1.fields.first ?? "", $1.text) }
    }

    public static func name(kind: OutboundKind, region: String, date: Day, seq: Int) -> String {
        "SI_\(kind.rawValue)_\(region)_\(date.compact)_\(seqText(seq)).txt"
    }

    static func seqText(_ seq: Int) -> String {
        seq < 10 ? "00\(seq)" : seq < 100 ? "0\(seq)" : String(seq)
    }

    public var name: String { Self.name(kind: kind, region: region, date: date, seq: seq) }
    public var batchNo: String { "SI\(region)\(date.compact)\(kind.rawValue)\(Self.seqText(seq))" }
    public var total: Fen { lines.reduce(Fen.zero) { $0 + ($1.amount ?? .zero) } }

    /// The detail lines as text, one per line: what a later run compares with (the header
    /// differs by SEQ, the lines do not).
    public var detailText: String { lines.map { $0.text + "\r\n" }.joined() }

    public var text: String {
        "H|\(recipient)|\(region)|\(kind.rawValue)|\(date.compact)|\(batchNo)|1.0\r\n"
            + detailText + "T|\(lines.count)|\(total.yuan)\r\n"
    }

    public func bytes() throws -> [UInt8] { try GB18030Encoder.encode(text) }

    /// SHA-256 of the detail lines: what tells a later run whether the lines changed.
    public var linesDigest: String { FileDigest.sha256(Array(detailText.utf8)) }
}
