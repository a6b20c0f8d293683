/// `zhubao outbox list`: one line per file recorded, in the style of `exceptions list`. The
/// files hold personal data; the listing holds none (names, counts, totals and digests only).
package enum OutboxListing {
    package static func render(_ files: [OutboxFileRecord]) -> String {
        func pad(_ text: String, _ width: Int) -> String { text.padding(toLength: max(width, text.count), withPad: " ", startingAt: 0) }
        let lines = files.map { f in
            [pad(f.businessDate, 10), pad(f.recipient, 5), pad(f.kind.rawValue, 4), pad(f.year.map(String.init) ?? "-", 4),
             pad(f.name, 36), pad("\(f.lineCount) 行", 8), pad(Fen(f.total).yuan, 14),
             "sha256 \(f.sha256.prefix(16))", "运行 \(f.runAsOf) \(f.writtenAt)"].joined(separator: " ")
        }
        return (["共 \(files.count) 个文件" + (files.isEmpty ? "" : Self.columns)] + lines).joined(separator: "\n")
    }

    static let columns = "（各列：文件日期、接收方、种类、年度、文件名、行数、合计金额（元）、SHA-256 前 16 位、写出它的运行日期与时间）"
}
