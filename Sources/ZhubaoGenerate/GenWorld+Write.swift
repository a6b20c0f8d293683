import Foundation
import ZhubaoCore

/// How one file is written: encoding, line ends, gzip.
struct GenFormat {
    var encoding: GenEncoding
    var crlf: Bool
    var finalNewline = true
    var gzip = false
    var members = 1
}

/// A file's lines with its record count and amount total (before any file fault).
struct GenFileText {
    var lines: [String]
    var records: Int
    /// A line holds U+FFFF, the stand-in for a byte that is not GB18030 (invalid-gb18030).
    var marked = false
}

extension GenWorld {
    func format(for key: GenFileKey) -> GenFormat {
        var rng = rng("format." + key.sender + key.kind.rawValue, key.date.ordinal)
        let variety = options.variety
        var format: GenFormat
        switch key.kind {
        case .receipts, .participants:
            format = GenFormat(encoding: variety && rng.chance(150) ? .gb18030 : .utf8, crlf: variety && rng.chance(100))
            format.gzip = options.gzip == .all || (options.gzip == .some && rng.chance(key.kind == .receipts ? 500 : 100))
        case .hardship:
            format = GenFormat(encoding: variety && rng.chance(150) ? .utf8BOM : .gb18030, crlf: variety && rng.chance(800))
            format.gzip = options.gzip == .all || (options.gzip == .some && rng.chance(100))
        case .disbursements, .deductions, .claims:
            let style = GenRandom.fnv1a("bank-style" + key.sender)
            format = GenFormat(encoding: .gb18030, crlf: variety && (key.sender == "B103" || style % 10 < 3))
            format.finalNewline = !variety || (style / 10) % 4 != 0
        }
        if format.gzip, options.edgeCases, rng.chance(60) { format.members = 2 }
        return format
    }

    /// The lines of a file as sent under SEQ `seq`.
    func text(_ key: GenFileKey, seq: Int, buckets: GenBuckets, encoding: GenEncoding) -> GenFileText {
        let region = profile.defaultRegion
        switch key.kind {
        case .receipts:
            let receipts = buckets.receipts[key] ?? []
            let total = receipts.reduce(Fen.zero) { $0 + $1.paid.amount }
            var lines = GenRender.receiptsHead(region: region, date: key.date, seq: seq, taxOffice: city.taxOffice,
                                               count: receipts.count, total: total, encoding: encoding)
            for receipt in receipts { lines += GenRender.receipt(receipt) }
            return GenFileText(lines: lines + GenRender.receiptsTail, records: receipts.count)
        case .participants:
            let records = buckets.participants[key] ?? []
            return GenFileText(lines: GenRender.participants(records, region: region, date: key.date, seq: seq, encoding: encoding),
                               records: records.count)
        case .hardship:
            let rows = hardshipRows(buckets.hardship[key]!, key.date)
            return GenFileText(lines: [GenRender.hardshipHeader] + rows.map(GenRender.hardship), records: rows.count)
        case .disbursements:
            let lines = (buckets.disbursements[key] ?? []).map { GenRender.disbursement($0.0, cancel: $0.1) }
            let total = (buckets.disbursements[key] ?? []).reduce(Fen.zero) { $0 + ($1.1 ? -$1.0.amount : $1.0.amount) }
            return bankText(key, seq: seq, details: lines, total: total)
        case .deductions:
            let txns = buckets.deductions[key] ?? []
            return bankText(key, seq: seq, details: txns.map(GenRender.deduction),
                            total: txns.reduce(Fen.zero) { $0 + $1.principal + $1.interest })
        case .claims:
            let claims = buckets.claims[key] ?? []
            return bankText(key, seq: seq, details: claims.map(GenRender.claim), total: claims.reduce(Fen.zero) { $0 + $1.claimed.amount })
        }
    }

    func bankText(_ key: GenFileKey, seq: Int, details: [String], total: Fen) -> GenFileText {
        let bank = String(key.sender.dropFirst())
        let header = GenRender.bankHeader(bank: bank, region: profile.defaultRegion, kind: key.kind, date: key.date, seq: seq)
        return GenFileText(lines: [header] + details + ["T|\(details.count)|\(total.yuan)"], records: details.count)
    }

    func fileName(_ key: GenFileKey, seq: Int, gzip: Bool) -> String {
        "\(key.sender)_\(key.kind.rawValue)_\(profile.defaultRegion)_\(key.date.compact)_\(String(seq).genPadded(3)).\(key.kind.fileExtension)"
            + (gzip ? ".gz" : "")
    }

    /// Writes lines; a U+FFFF in a line stands for a byte that is not GB18030 (invalid-gb18030).
    func write(_ text: GenFileText, kind: InputKind, name: String, format: GenFormat, to directory: URL) throws -> GeneratedFile {
        let plain = directory.appendingPathComponent(format.gzip ? String(name.dropLast(3)) : name)
        let writer = try GenTextWriter(path: plain.path, encoding: format.encoding, crlf: format.crlf)
        let marked = text.marked
        for (n, line) in text.lines.enumerated() {
            let last = n == text.lines.count - 1
            if marked, let marker = line.firstIndex(of: "\u{FFFF}") {
                try writer.write(String(line[..<marker]))
                try writer.writeBytes([0xFF])
                try writer.write(String(line[line.index(after: marker)...]))
                if !last || format.finalNewline { try writer.write(writer.newline) }
            } else if last && !format.finalNewline {
                try writer.write(line)
            } else {
                try writer.line(line)
            }
        }
        try writer.close()
        if format.gzip, format.members > 1 { try GenGzip.gzipInPlace(plain, members: format.members) }
        return GeneratedFile(name: name, kind: kind.rawValue, records: text.records, bytes: writer.bytesWritten, fault: nil)
    }

    /// Gzips, in one `gzip` run per batch, every file written plain that travels as `.gz`, then
    /// cuts the truncated-gzip ones and records the final sizes.
    func finishCompression(_ files: inout [GeneratedFile], in directory: URL) throws {
        let pending = files.filter { $0.name.hasSuffix(".gz") }.map { directory.appendingPathComponent(String($0.name.dropLast(3))) }
            .filter { FileManager.default.fileExists(atPath: $0.path) }
        try GenGzip.gzipInPlace(pending)
        for i in files.indices where files[i].name.hasSuffix(".gz") {
            let url = directory.appendingPathComponent(files[i].name)
            files[i].bytes = files[i].fault == GenFault.truncatedGzip.rawValue ? try truncate(url)
                : (try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.intValue ?? 0
        }
    }
}
