import Foundation
import ZhubaoSystem

/// One `Receipt` element: its fields, read by name, and the checks the XSD cannot make.
struct ReceiptFields {
    enum Field: Int {
        case ticketNo, idNumber, name, insuranceType, periodFrom, periodTo, base, amount, paidOn, channel
        case contractNo, bankCode, status, reversesTicketNo
    }

    static let names = ["TicketNo", "IdNumber", "Name", "InsuranceType", "PeriodFrom", "PeriodTo", "Base", "Amount",
                        "PaidOn", "Channel", "ContractNo", "BankCode", "Status", "ReversesTicketNo"]

    /// Labels of the fields (no prefix: receipts are flat).
    static let labels = names

    private(set) var values: XMLFields

    init(_ reader: XMLStreamReader) {
        values = XMLFields(reader, Self.names)
    }

    /// Reads the receipt the reader is on, up to its end tag.
    mutating func read(_ reader: XMLStreamReader) throws {
        values.clear()
        try reader.forEachChild { _ = try values.take(reader) }
    }

    /// What the reading thread knows of one receipt; checked where the rows go.
    struct Read {
        let values: XMLFieldValues
        let index: Int
        let mentioned: [(name: Substring, line: Int?)]
        let start: Int?
        /// Diagnostics appended before this receipt's, for putting its own in their place.
        let position: Int
    }

    /// What the reading thread needs back: the file's total and the receipts' diagnostics.
    /// Written on the writing thread and read on the reading one only after `settle()`, except
    /// `failed`, which the reading thread may ask at any time.
    final class Results: @unchecked Sendable {
        var sum = ReceiptSum()
        var diagnostics: [(position: Int, diagnostics: [Diagnostic])] = []
        private let lock = NSLock()
        private var anyError = false

        /// Whether a receipt had an error-level diagnostic so far.
        var failed: Bool { lock.withLock { anyError } }

        func add(_ diagnostics: [Diagnostic], position: Int) {
            guard !diagnostics.isEmpty else { return }
            self.diagnostics.append((position, diagnostics))
            if diagnostics.contains(where: { $0.severity == .error }) { lock.withLock { anyError = true } }
        }
    }

    /// Checks the receipt read and stores it when it has no error; returns its diagnostics and
    /// its amount for the file's total (nil when it cannot be read).
    static func check(_ read: Read, file: String, into sink: inout some RecordSink) throws -> ([Diagnostic], Fen?) {
        let v = read.values, index = read.index
        // `r` reads the fields (the XSD checks their format too: its messages are not repeated),
        // `rule` the conditions between fields (`ReceiptRule`), which only this checks.
        var r = FieldReader(location: Location(file: file))
        var rule = FieldReader(location: r.location)
        func label(_ field: Field) -> String { v.label(field) }
        let ticketNo = r.required(v[Field.ticketNo], label(.ticketNo))
        let (id, idValid) = r.idNumber(v[Field.idNumber], label(.idNumber))
        let personName = r.required(v[Field.name], label(.name))
        let insurance: InsuranceType? = r.code(v[Field.insuranceType], label(.insuranceType))
        let before = r.diagnostics.count
        let from = r.isoMonth(v[Field.periodFrom], label(.periodFrom))
        let to = r.isoMonth(v[Field.periodTo], label(.periodTo))
        var facts = ReceiptFacts(period: r.diagnostics.count == before ? (from, to) : nil, insurance: insurance,
                                 hasBase: r.optional(v[Field.base]) != nil, channel: nil, hasContract: false,
                                 hasBank: false, status: nil, hasReverses: false, amount: nil)
        // A missing Base is the rule's to report, not the field's.
        let base = ReceiptRule.baseFor110.isBroken(by: facts) ? nil : r.optionalAmount(v[Field.base], label(.base))
        let beforeAmount = r.diagnostics.count
        let amount = r.amount(v[Field.amount], label(.amount))
        let readable = r.diagnostics.count == beforeAmount
        let paidOn = r.isoDay(v[Field.paidOn], label(.paidOn))
        let channel: ReceiptChannel? = r.code(v[Field.channel], label(.channel))
        let contractNo = r.optional(v[Field.contractNo])
        let bankCode = r.optional(v[Field.bankCode]).map { r.digits($0, label(.bankCode), count: 3) }
        let status: ReceiptStatus? = r.code(v[Field.status], label(.status))
        let reverses = r.optional(v[Field.reversesTicketNo])
        facts.channel = channel
        facts.hasContract = contractNo != nil
        facts.hasBank = bankCode != nil
        facts.status = status
        facts.hasReverses = reverses != nil
        facts.amount = readable ? amount : nil
        for broken in ReceiptRule.allCases where broken.isBroken(by: facts) {
            rule.fail(label(broken.field), broken.message(facts))
        }
        var diagnostics: [Diagnostic] = []
        if !r.diagnostics.isEmpty || !rule.diagnostics.isEmpty {
            let xpath = "\(ReceiptImporter.recordsPath)[\(index)]"
            diagnostics = XMLImport.located(r, xpath: xpath, fields: v, mentioned: read.mentioned, file: file, start: read.start)
                + XMLImport.located(rule, xpath: xpath, fields: v, mentioned: [], file: file, start: read.start)
        }
        if r.isValid, rule.isValid, let insurance, let channel, let status {
            try sink.insertRow(ReceiptRecord(
                id: nil, fileId: sink.fileId, source: "\(file):\(ReceiptImporter.recordsPath)[\(index)]",
                ticketNo: ticketNo, idNumber: id, idValid: idValid, name: personName, insuranceType: insurance,
                periodFrom: from, periodTo: to, base: base, amount: amount, paidOn: paidOn, channel: channel,
                contractNo: contractNo, bankCode: bankCode, status: status, reversesTicketNo: reverses))
        }
        return (diagnostics, readable ? amount : nil)
    }
}
