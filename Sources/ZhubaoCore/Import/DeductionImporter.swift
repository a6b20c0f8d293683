import Foundation

/// `Bnnn_DEDU_*.txt` (formats.md §5): repayments and pension deductions.
struct DeductionImporter: FileImporter {
    static let fields = ["txnNo", "loanNo", "contractNo", "idNumber", "name", "txnDate", "kind", "due",
                         "principalPaid", "interestPaid", "result", "pension", "basicPension", "balanceAfter", "account"]

    func read(_ url: URL, name: FileName, context: ImportContext, into sink: inout some RecordSink) throws -> ImportOutcome {
        let bank = name.sender.bankCode ?? ""
        return try BankFile(name: name, fields: Self.fields).read(url, context: context, into: &sink) { r, v, sink in
            let txnNo = r.required(v[0], "txnNo")
            let loanNo = r.required(v[1], "loanNo")
            let contractNo = r.required(v[2], "contractNo")
            let (id, idValid) = r.idNumber(v[3], "idNumber")
            let personName = r.required(v[4], "name")
            let txnDate = r.compactDay(v[5], "txnDate")
            let kind = r.code(v[6], "kind", allowed: ["P", "V", "E", "D"])
            let due = r.amount(v[7], "due")
            let principal = r.amount(v[8], "principalPaid")
            let interest = r.amount(v[9], "interestPaid")
            let result = r.code(v[10], "result", allowed: ["S", "F", "P"])
            let pension = r.optionalAmount(v[11], "pension")
            let basicPension = r.optionalAmount(v[12], "basicPension")
            let balanceAfter = r.amount(v[13], "balanceAfter")
            let account = r.required(v[14], "account")
            let control: Fen? = (Fen(yuan: v[8]) != nil && Fen(yuan: v[9]) != nil) ? principal + interest : nil
            guard r.isValid else { return control }
            let record = BankTransactionRecord(
                id: nil, fileId: sink.fileId, line: r.location.line ?? 0, bankCode: bank, txnNo: txnNo,
                loanNo: loanNo, contractNo: contractNo, idNumber: id, idValid: idValid, name: personName,
                txnDate: txnDate.iso, kind: kind, due: due.value, principalPaid: principal.value,
                interestPaid: interest.value, result: result, pension: pension?.value,
                basicPension: basicPension?.value, balanceAfter: balanceAfter.value, account: account)
            try sink.insertRow(record)
            return control
        }
    }
}
