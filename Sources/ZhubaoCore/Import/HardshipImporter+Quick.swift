import Foundation
import ZhubaoSystem

/// The quick path of the hardship importer: a line that holds no quote and passes every check
/// as it stands is checked on its bytes and written without making a `String` of it (a
/// million-row snapshot spends most of its time there otherwise). Anything else — the header,
/// a blank line, a quoted field, any fault, an invalid or lower-case-x ID number — is
/// declined and goes the ordinary way, which reports it; so the quick path only ever takes
/// lines the ordinary path would store unchanged, and stores them the same.
final class HardshipQuickPath {
    let department: String
    /// The UTF-8 of each of the department's category names, with its code.
    let categories: [(name: [UInt8], code: String)]
    static let endReasons = HardshipImporter.endReasons.map { Array($0.utf8) }
    /// The fields of the line being looked at, reused line after line.
    private var fields: [UnsafeBufferPointer<UInt8>] = []

    init(department: String, categories: [String: String]) {
        self.department = department
        self.categories = categories.map { (Array($0.key.utf8), $0.value) }
    }

    /// Stores the line and returns true, or returns false and does nothing.
    func take(_ line: UnsafeBufferPointer<UInt8>, number: Int, into sink: inout some RecordSink) throws -> Bool {
        // A control character anywhere: the ordinary path reports it.
        guard ControlCharacters.firstIndex(in: line) == nil else { return false }
        fields.removeAll(keepingCapacity: true)
        var start = 0
        for i in 0...line.count where i == line.count || line[i] == UInt8(ascii: ",") {
            guard fields.count < 7 else { return false }
            fields.append(UnsafeBufferPointer(rebasing: line[start..<i]))
            start = i + 1
        }
        guard fields.count == 7 else { return false }
        let id = fields[0], name = fields[1], county = fields[3], reason = fields[6]
        guard id.count == 18, id[17] != UInt8(ascii: "x"), IDNumber.isValid(bytes: id), !name.isEmpty,
              let category = categories.first(where: { $0.name.elementsEqual(fields[2]) })?.code,
              county.count == 6, county.allSatisfy({ $0 >= 48 && $0 <= 57 }),
              let certifiedOn = Day(spreadsheetBytes: fields[4]) else { return false }
        var endsOn: Day?
        if !fields[5].isEmpty {
            guard let day = Day(spreadsheetBytes: fields[5]) else { return false }
            endsOn = day
        }
        guard reason.isEmpty || Self.endReasons.contains(where: { $0.elementsEqual(reason) }) else { return false }
        // The columns of HardshipRowRecord.insertColumns, as HardshipImporter fills them.
        let fileId = sink.fileId, department = self.department
        try sink.insertRow(as: HardshipRowRecord.self) { row in
            row.add(fileId); row.add(number); row.add(department); row.add(text: id); row.add(true)
            row.add(text: name); row.add(category); row.add(text: county); row.add(certifiedOn.iso); row.add(endsOn?.iso)
            row.add(text: reason.isEmpty ? nil : reason)
        }
        return true
    }
}
