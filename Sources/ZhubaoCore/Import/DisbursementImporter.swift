import Foundation

/// `Bnnn_DISB_*.txt` (formats.md §4): one drawdown, or the cancellation of one, per line.
struct DisbursementImporter: FileImporter {
    static let fields = ["loanNo", "contractNo", "idNumber", "name", "mode", "amount", "ratePct",
                         "disbursedOn", "maturesOn", "coverFrom", "coverTo", "account", "status"]

    func read(_ url: URL, name: FileName, context: ImportContext, into sink: inout some RecordSink) throws -> ImportOutcome {
        let bank = name.sender.bankCode ?? ""
        return try BankFile(name: name, fields: Self.fields).read(url, context: context, into: &sink) { r, v, sink in
            let party = r.party(v, from: 0)
            let mode: DrawdownMode? = r.code(v[4], "mode")
            let amount = r.amount(v[5], "amount")
            let rate = r.rate(v[6], "ratePct")
            let disbursedOn = r.compactDay(v[7], "disbursedOn")
            let maturesOn = r.compactDay(v[8], "maturesOn")
            let coverFrom = r.compactMonth(v[9], "coverFrom")
            let coverTo = r.compactMonth(v[10], "coverTo")
            let account = r.required(v[11], "account")
            let status: DrawdownStatus? = r.code(v[12], "status")
            if status == .new, amount < .zero { r.fail("amount", "新放款（N）的金额不能为负") }
            guard r.isValid, let mode, let status else { return Fen(yuan: v[5]) }
            try sink.insertRow(DrawdownRecord(
                id: nil, fileId: sink.fileId, line: r.location.line ?? 0, bankCode: bank, loanNo: party.loanNo,
                contractNo: party.contractNo, idNumber: party.idNumber, idValid: party.idValid, name: party.name,
                mode: mode, amount: amount, rate: rate, disbursedOn: disbursedOn, maturesOn: maturesOn,
                coverFrom: coverFrom, coverTo: coverTo, account: account, status: status))
            return amount
        }
    }
}
