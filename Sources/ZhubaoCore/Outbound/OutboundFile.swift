import ZhubaoSystem

/// What zhubao sends (outbound.md): `FDBK` (问题反馈) and `ELIG` (财政贴息人员名单).
package enum OutboundKind: String, Sendable, CaseIterable, Codable {
    case feedback = "FDBK", eligibility = "ELIG"

    /// The number of fields of a detail line, `D` included.
    package var detailFieldCount: Int { self == .feedback ? 17 : 10 }
    /// The detail field holding the line's amount (0-based, `D` at 0).
    package var amountField: Int { self == .feedback ? 14 : 9 }
}

/// One detail line: its fields after `D`, and the amount the trailer sums (absent counts 0.00).
package struct OutboundLine: Sendable, Equatable {
    package var fields: [String]
    package var amount: Fen?

    package init(fields: [String], amount: Fen?) {
        self.fields = fields.map(Self.clean)
        self.amount = amount
    }

    /// outbound.md: no field holds `|`, CR or LF — `|` becomes `｜`, a line break a space.
    package static func clean(_ field: String) -> String {
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

    package var text: String { (["D"] + fields).joined(separator: "|") }
}

/// One file for one recipient: a header, the detail lines sorted by their first field, a
/// trailer with the count and the total; GB18030, CRLF (outbound.md "Layout").
package struct OutboundFile: Sendable {
    package var recipient: String
    package var kind: OutboundKind
    package var region: String
    package var date: Day
    package var seq: Int
    package var lines: [OutboundLine]

    package init(recipient: String, kind: OutboundKind, region: String, date: Day, seq: Int, lines: [OutboundLine]) {
        self.recipient = recipient
        self.kind = kind
        self.region = region
        self.date = date
        self.seq = seq
        self.lines = lines.sorted { ($0.fields.first ?? "", $0.text) < ($1.fields.first ?? "", $1.text) }
    }

    package static func name(kind: OutboundKind, region: String, date: Day, seq: Int) -> String {
        "SI_\(kind.rawValue)_\(region)_\(date.compact)_\(seqText(seq)).txt"
    }

    static func seqText(_ seq: Int) -> String {
        seq < 10 ? "00\(seq)" : seq < 100 ? "0\(seq)" : String(seq)
    }

    package var name: String { Self.name(kind: kind, region: region, date: date, seq: seq) }
    package var batchNo: String { "SI\(region)\(date.compact)\(kind.rawValue)\(Self.seqText(seq))" }
    package var total: Fen { lines.reduce(Fen.zero) { $0 + ($1.amount ?? .zero) } }

    /// The detail lines as text, one per line: what a later run compares with (the header
    /// differs by SEQ, the lines do not).
    package var detailText: String { lines.map { $0.text + "\r\n" }.joined() }

    package var text: String {
        "H|\(recipient)|\(region)|\(kind.rawValue)|\(date.compact)|\(batchNo)|1.0\r\n"
            + detailText + "T|\(lines.count)|\(total.yuan)\r\n"
    }

    package func bytes() throws -> [UInt8] { try GB18030Encoder.encode(text) }

    /// SHA-256 of the detail lines: what tells a later run whether the lines changed.
    package var linesDigest: String { FileDigest.sha256(Array(detailText.utf8)) }
}
