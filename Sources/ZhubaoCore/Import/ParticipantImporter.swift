import Foundation
import ZhubaoSystem

/// `SI_PART_*.xml[.gz]` (formats.md §2): the agency's register extract, each `Participant` the
/// whole record of one person as of `Header/AsOf`. Streams the file once, validating against
/// `participant.xsd` while reading, and writes each participant (and its co-borrowers) as it is
/// read. `AsOf` may differ from the name's date; `Region` and `RecordCount` must match.
struct ParticipantImporter: FileImporter {
    enum HeaderField: Int { case extractNo, region, asOf, recordCount }
    static let headerNames = ["ExtractNo", "Region", "AsOf", "RecordCount"]

    static let shape = XMLImport.Shape(
        root: "ParticipantRegister", namespace: "urn:zhubao:participant:1", header: "Header", list: "Participants",
        record: "Participant", headerNames: headerNames, recordLabels: ParticipantFields.labels)
    static let recordsPath = shape.recordsPath

    func read(_ url: URL, name: FileName, context: ImportContext, into sink: inout some RecordSink) throws -> ImportOutcome {
        let xml = try XMLImport(url: url, name: name, schema: "participant.xsd", context: context)
        var count: Int?
        var header: XMLFields?
        var asOf: Day?
        let completed = try xml.run { reader in
            var fields = ParticipantFields(reader)
            count = try xml.walk(reader, Self.shape, header: {
                let read = try Self.readHeader(reader, xml: xml, name: name)
                header = read.fields
                asOf = read.asOf
            }, record: { index in
                try fields.read(reader)
                let xpath = "\(Self.recordsPath)[\(index)]"
                let mentioned = xml.finish(last: fields.lastLine, labels: fields.coBorrowerLabels)
                try fields.check(xml: xml, xpath: xpath, asOf: asOf, mentioned: mentioned, into: &sink)
            })
        }
        xml.outcome.recordCount = count ?? 0
        if completed, let count, let header {
            xml.checkCount(stated: header[HeaderField.recordCount], line: header.line(HeaderField.recordCount),
                           counted: count, Self.shape)
        }
        return xml.outcome
    }

    /// Reads `Header`, checks its region against the file name and returns its `AsOf` (nil when
    /// it cannot be read, and then the file is rejected).
    static func readHeader(_ reader: XMLStreamReader, xml: XMLImport, name: FileName) throws -> (fields: XMLFields, asOf: Day?) {
        var header = XMLFields(reader, headerNames, prefix: "")
        try reader.forEachChild { _ = try header.take(reader) }
        let mentioned = xml.finish(last: header.lastLine)
        if let region = header[HeaderField.region], region != name.region {
            xml.error("Header/Region\(InputQuote.quoted(region))与文件名中的地区代码“\(name.region)”不一致",
                      line: header.line(HeaderField.region), xpath: shape.headerPath + "/Region")
        }
        var r = FieldReader(location: Location(file: xml.file, xpath: shape.headerPath))
        let asOf = r.isoDay(header[HeaderField.asOf], header.label(HeaderField.asOf))
        xml.report(r, xpath: shape.headerPath, fields: header, mentioned: mentioned)
        return (header, r.isValid ? asOf : nil)
    }
}
