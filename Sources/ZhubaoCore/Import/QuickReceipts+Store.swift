/// The quick path's second half, on the writing thread: a receipt of a batch that passes every
/// check of `ReceiptFields.check` as it stands (a valid upper-case ID number, a real payment day,
/// PeriodFrom ≤ PeriodTo, what LOAN, REVERSAL, NORMAL and 110 require) is stored from its bytes,
/// with the values `check` would store, and no `String` is made for it; any other receipt goes
/// through `check`, which reports it. The batch's leaves already have the XSD's formats
/// (`ReceiptQuickReader`), so what is left to check here is what the XSD cannot say.
extension QuickReceipts {
    /// Stores receipt `i` and returns its amount, or returns nil having stored nothing.
    /// `source` is the row's source up to the position: `FILE:/…/Receipt[`.
    func store(_ i: Int, source: [UInt8], into sink: inout some RecordSink) throws -> Fen? {
        try bytes.withUnsafeBufferPointer { buffer throws -> Fen? in
            typealias F = ReceiptFields.Field
            func get(_ f: F) -> UnsafeBufferPointer<UInt8>? { field(i, f.rawValue, in: buffer) }
            guard let ticket = get(.ticketNo), let id = get(.idNumber), let name = get(.name),
                  let insurance = get(.insuranceType), let from = get(.periodFrom), let to = get(.periodTo),
                  let amountText = get(.amount), let paidOn = get(.paidOn), let channel = get(.channel),
                  let status = get(.status) else { return nil }
            let base = get(.base), contract = get(.contractNo), bank = get(.bankCode), reverses = get(.reversesTicketNo)
            guard id.count == 18, id[17] != UInt8(ascii: "x"), IDNumber.isValid(bytes: id),
                  from[0] != UInt8(ascii: "0"), to[0] != UInt8(ascii: "0"),  // years 1000–9999
                  !to.lexicographicallyPrecedes(from),  // YYYY-MM: PeriodFrom ≤ PeriodTo
                  Day(isoBytes: paidOn) != nil,
                  let amount = Fen(yuanBytes: amountText) else { return nil }
            if insurance.elementsEqual("110".utf8), base == nil { return nil }
            if channel.elementsEqual("LOAN".utf8), contract == nil || bank == nil { return nil }
            let reversal = status.elementsEqual("REVERSAL".utf8)
            if reversal ? reverses == nil : amount < .zero { return nil }
            var baseValue: Int64?
            if let base {
                guard let fen = Fen(yuanBytes: base) else { return nil }
                baseValue = fen.value
            }
            let fileId = sink.fileId
            var position = source
            position.append(contentsOf: String(i + firstIndex).utf8)
            position.append(UInt8(ascii: "]"))
            try position.withUnsafeBufferPointer { position in
                // The columns of ReceiptRecord.insertColumns, as ReceiptFields.check fills them.
                try sink.insertRow(as: ReceiptRecord.self) { row in
                    row.add(fileId); row.add(text: position); row.add(text: ticket); row.add(text: id); row.add(true)
                    row.add(text: name); row.add(text: insurance); row.add(text: from); row.add(text: to)
                    row.add(baseValue); row.add(amount.value); row.add(text: paidOn); row.add(text: channel)
                    row.add(text: contract); row.add(text: bank); row.add(text: status); row.add(text: reverses)
                }
            }
            return amount
        }
    }
}
