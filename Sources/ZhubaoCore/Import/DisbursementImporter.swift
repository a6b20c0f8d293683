import Foundation

/// `Bnnn_DISB_*.txt` (formats.md §4): one drawdown, or the cancellation of one, per line.
struct DisbursementImporter: FileImporter {
    static let fields = ["loanNo", "contractNo", "idNumber", "name", "mode", "amount", "ratePct",
                         "disbursedOn", "maturesOn", "coverFrom", "coverTo", "account", "status"]

    func read(_ url: URL, name: FileName, context: ImportContext, into sink: inout some RecordSink) throws -> ImportOutcome {
        let bank = name.sender.bankCode ?? ""
        return try BankFile(name: name, fields: Self.fields).read(url, context: context, into: &sink) { r, v, sink in
            let loanNo = r.required(v[0], "loanNo")
            let contractNo = r.required(v[1], "contractNo")
            let (id, idValid) = r.idNumber(v[2], "idNumber")
            let personName = r.required(v[3], "name")
            let mode = r.code(v[4], "mode", allowed: ["A", "L"])
            let amount = r.amount(v[5], "amount")
            let rate = r.rate(v[6], "ratePct")
            let disbursedOn = r.compactDay(v[7], "disbursedOn")
            let maturesOn = r.compactDay(v[8], "maturesOn")
            let coverFrom = r.compactMonth(v[9], "coverFrom")
            let coverTo = r.compactMonth(v[10], "coverTo")
            let account = r.required(v[11], "account")
            let status = r.code(v[12], "status", allowed: ["N", "C"])
            if status == "N", amount < .zero { r.fail("amount", "新放款（N）的金额不能为负") }
            guard r.isValid else { return Fen(yuan: v[5]) }
            let record = DrawdownRecord(
                id: nil, fileId: sink.fileId, line: r.location.line ?? 0, bankCode: bank, loanNo: loanNo,
                contractNo: contractNo, idNumber: id, idValid: idValid, name: personName, mode: mode,
                amount: amount.value, rate: rate.units, disbursedOn: disbursedOn.iso, maturesOn: maturesOn.iso,
                coverFrom: coverFrom.iso, coverTo: coverTo.iso, account: account, status: status)
            try sink.insertRow(record)
            return amount
        }
    }
}
