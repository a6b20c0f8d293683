/// The quick path's second half, on the writing thread: a receipt of a batch that passes every
/// check of `ReceiptFields.check` as it stands (a valid upper-case ID number, real months and
/// payment day, every `ReceiptRule`) is stored from its bytes, with the values `check` would
/// store, and no `String` is made for it; any other receipt goes through `check`, which reports
/// it. The batch's leaves already have the XSD's formats (`ReceiptQuickReader`), so what is
/// left to check here is what the XSD cannot say, decided by the same code as `check`'s.
extension QuickReceipts {
    /// Stores receipt `i` and returns its amount, or returns nil having stored nothing.
    /// `source` is the row's source up to the position: `FILE:/…/Receipt[`.
    func store(_ i: Int, source: [UInt8], into sink: inout some RecordSink) throws -> Fen? {
        try bytes.withUnsafeBufferPointer { buffer throws -> Fen? in
            typealias F = ReceiptFields.Field
            func get(_ f: F) -> UnsafeBufferPointer<UInt8>? { field(i, f.rawValue, in: buffer) }
            guard let ticket = get(.ticketNo), let id = get(.idNumber), let name = get(.name),
                  let insurance = get(.insuranceType).flatMap(InsuranceType.init(bytes:)),
                  let from = get(.periodFrom).flatMap(YearMonth.init(monthBytes:)),
                  let to = get(.periodTo).flatMap(YearMonth.init(monthBytes:)),
                  let amount = get(.amount).flatMap({ Fen(yuanBytes: $0) }),
                  let paidOn = get(.paidOn).flatMap({ Day(isoBytes: $0) }),
                  let channel = get(.channel).flatMap(ReceiptChannel.init(bytes:)),
                  let status = get(.status).flatMap(ReceiptStatus.init(bytes:)),
                  IDNumber.isPlainValid(bytes: id) else { return nil }
            let base = get(.base), contract = get(.contractNo), bank = get(.bankCode), reverses = get(.reversesTicketNo)
            let facts = ReceiptFacts(
                period: (from, to), insurance: insurance, hasBase: base?.isEmpty == false, channel: channel,
                hasContract: contract?.isEmpty == false, hasBank: bank?.isEmpty == false, status: status,
                hasReverses: reverses?.isEmpty == false, amount: amount)
            guard ReceiptRule.allHold(facts) else { return nil }
            var baseValue: Fen?
            if let base, !base.isEmpty {
                guard let fen = Fen(yuanBytes: base) else { return nil }
                baseValue = fen
            }
            let fileId = sink.fileId
            var position = source
            position.append(contentsOf: String(i + firstIndex).utf8)
            position.append(UInt8(ascii: "]"))
            try position.withUnsafeBufferPointer { position in
                try sink.insertRow(as: ReceiptRecord.self) { row in
                    ReceiptRecord.bind(
                        to: &row, fileId: fileId, source: position, ticketNo: ticket, idNumber: id, idValid: true,
                        name: name, insuranceType: insurance, periodFrom: from, periodTo: to, base: baseValue,
                        amount: amount, paidOn: paidOn, channel: channel, contractNo: Self.nonEmpty(contract),
                        bankCode: Self.nonEmpty(bank), status: status, reversesTicketNo: Self.nonEmpty(reverses))
                }
            }
            return amount
        }
    }

    /// Empty text is absent, as `FieldReader.optional` reads it.
    private static func nonEmpty(_ text: UnsafeBufferPointer<UInt8>?) -> UnsafeBufferPointer<UInt8>? {
        text?.isEmpty == false ? text : nil
    }
}
