import Foundation
import ZhubaoCore

/// File-level faults: the faulty file goes out under SEQ 001 and is rejected whole (E001); the
/// corrected resend follows under SEQ 002 (a bad name: the good file keeps SEQ 001).
extension GenWorld {
    func writeFiles(_ census: GenCensus, recordFaults steps: [GenRecordFaultStep], fileFaults requested: [GenFault],
                    to directory: URL) throws -> [GeneratedFile] {
        let keys = census.keys
        var rng = rng("file-faults")
        var targets: [GenFileKey: GenFault] = [:]
        var formats: [GenFileKey: GenFormat] = [:]
        for key in keys { formats[key] = format(for: key) }
        func applies(_ fault: GenFault, _ key: GenFileKey) -> Bool {
            fileFaultApplies(fault, key, records: census.records[key] ?? 0, format: formats[key]!)
        }
        if case .rate(let p) = options.faults {
            for key in keys where rng.below(100_000) < p {
                let choices = GenFault.allCases.filter { $0.level == .file && applies($0, key) }
                if !choices.isEmpty { targets[key] = rng.pick(choices) }
            }
        }
        for fault in requested {
            let candidates = keys.filter { targets[$0] == nil && applies(fault, $0) }
            if candidates.isEmpty { unplaced.append(fault.rawValue) } else { targets[rng.pick(candidates)] = fault }
        }
        var files: [GeneratedFile] = []
        var names: [GenFileKey: String] = [:]
        try forEachWindow(of: census, recordFaults: steps) { window, buckets in
            for key in window {
                let format = formats[key]!
                var seq = 1
                if let fault = targets[key] {
                    var bad = text(key, seq: 1, buckets: buckets, encoding: format.encoding)
                    var badFormat = format
                    var name = fileName(key, seq: 1, gzip: format.gzip)
                    if fault == .badName {
                        name = badName(key, gzip: format.gzip, rng: &rng)
                    } else {
                        seq = 2
                        corrupt(&bad, fault, key: key, format: &badFormat, rng: &rng)
                        name = fileName(key, seq: 1, gzip: badFormat.gzip)
                    }
                    var file = try write(bad, kind: key.kind, name: name, format: badFormat, to: directory)
                    file.fault = fault.rawValue
                    files.append(file)
                    record(fault, code: .e001, key: nil, rawFile: file.name)
                }
                let good = text(key, seq: seq, buckets: buckets, encoding: format.encoding)
                let file = try write(good, kind: key.kind, name: fileName(key, seq: seq, gzip: format.gzip), format: format, to: directory)
                names[key] = file.name
                files.append(file)
            }
        }
        try finishCompression(&files, in: directory)
        for i in faults.indices where faults[i].entry.file.isEmpty {
            faults[i].entry.file = faults[i].key.flatMap { names[$0] } ?? ""
        }
        return files
    }

    /// Whether a file fault can go into the file `key` of `records` records.
    func fileFaultApplies(_ fault: GenFault, _ key: GenFileKey, records: Int, format: GenFormat) -> Bool {
        let bank = key.kind.isBankFile
        let records = key.kind == .hardship ? 1 : records
        switch fault {
        case .badName: return true
        case .regionMismatch, .wrongCount: return key.kind != .hardship
        case .wrongTotal: return bank || key.kind == .receipts
        case .threeDecimals: return (bank || key.kind == .receipts) && records > 0
        case .invalidGB18030: return (bank && records > 0) || (key.kind == .hardship && format.encoding == .gb18030)
        case .truncatedGzip: return !bank
        case .dataAfterTrailer, .secondHeader: return bank && records > 0
        case .foreignCategory: return key.kind == .hardship
        default: return false
        }
    }

    func badName(_ key: GenFileKey, gzip: Bool, rng: inout GenRandom) -> String {
        let suffix = gzip ? ".gz" : ""
        switch rng.below(3) {
        case 0: return "\(key.sender)_\(key.kind.rawValue)_\(profile.defaultRegion)_\(key.date.compact)_1.\(key.kind.fileExtension)" + suffix
        case 1: return "\(key.sender)-\(key.kind.rawValue)-\(profile.defaultRegion)-\(key.date.compact)-001.\(key.kind.fileExtension)" + suffix
        default: return "\(key.sender)_\(key.kind.rawValue)_\(profile.defaultRegion)_\(key.date.compact)_001.dat" + suffix
        }
    }

    /// Cuts a gzip file in half; returns the new size.
    func truncate(_ url: URL) throws -> Int {
        let data = try Data(contentsOf: url)
        let kept = data.prefix(max(12, data.count / 2))
        try kept.write(to: url)
        return kept.count
    }
}
