import Foundation

/// `Bnnn_DEDU_*.txt` (formats.md §5): repayments and pension deductions.
struct DeductionImporter: FileImporter {
    static let fields = ["txnNo", "loanNo", "contractNo", "idNumber", "name", "txnDate", "kind", "due",
                         "principalPaid", "interestPaid", "result", "pension", "basicPension", "balanceAfter", "account"]

    func read(_ url: URL, name: FileName, context: ImportContext, into sink: inout some RecordSink) throws -> ImportOutcome {
        let bank = name.sender.bankCode ?? ""
        return try BankFile(name: name, fields: Self.fields).read(url, context: context, into: &sink) { r, v, sink in
            let txnNo = r.required(v[0], "txnNo")
            let party = r.party(v, from: 1)
            let txnDate = r.compactDay(v[5], "txnDate")
            let kind: TransactionKind? = r.code(v[6], "kind")
            let due = r.amount(v[7], "due")
            let principal = r.amount(v[8], "principalPaid")
            let interest = r.amount(v[9], "interestPaid")
            let result: TransactionResult? = r.code(v[10], "result")
            let pension = r.optionalAmount(v[11], "pension")
            let basicPension = r.optionalAmount(v[12], "basicPension")
            let balanceAfter = r.amount(v[13], "balanceAfter")
            let account = r.required(v[14], "account")
            let control: Fen? = (Fen(yuan: v[8]) != nil && Fen(yuan: v[9]) != nil) ? principal + interest : nil
            guard r.isValid, let kind, let result else { return control }
            try sink.insertRow(BankTransactionRecord(
                id: nil, fileId: sink.fileId, line: r.location.line ?? 0, bankCode: bank, txnNo: txnNo,
                loanNo: party.loanNo, contractNo: party.contractNo, idNumber: party.idNumber, idValid: party.idValid,
                name: party.name, txnDate: txnDate, kind: kind, due: due, principalPaid: principal,
                interestPaid: interest, result: result, pension: pension, basicPension: basicPension,
                balanceAfter: balanceAfter, account: account))
            return control
        }
    }
}
