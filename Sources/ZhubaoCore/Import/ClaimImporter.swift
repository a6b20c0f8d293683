import Foundation

/// `Bnnn_CLAIM_*.txt` (formats.md §6): a bank's yearly interest-subsidy claim.
struct ClaimImporter: FileImporter {
    static let fields = ["loanNo", "contractNo", "idNumber", "name", "year", "from", "to", "days",
                         "accumulated", "ratePct", "claimed"]

    func read(_ url: URL, name: FileName, context: ImportContext, into sink: inout some RecordSink) throws -> ImportOutcome {
        let bank = name.sender.bankCode ?? ""
        return try BankFile(name: name, fields: Self.fields).read(url, context: context, into: &sink) { r, v, sink in
            let party = r.party(v, from: 0)
            let year = r.integer(v[4], "year", digits: 4...4)
            let from = r.compactDay(v[5], "from")
            let to = r.compactDay(v[6], "to")
            let days = r.integer(v[7], "days", digits: 1...3)
            let accumulated = r.amount(v[8], "accumulated")
            let rate = r.rate(v[9], "ratePct")
            let claimed = r.amount(v[10], "claimed")
            guard r.isValid else { return Fen(yuan: v[10]) }
            try sink.insertRow(ClaimLineRecord(
                id: nil, fileId: sink.fileId, line: r.location.line ?? 0, bankCode: bank, loanNo: party.loanNo,
                contractNo: party.contractNo, idNumber: party.idNumber, idValid: party.idValid, name: party.name,
                year: year, fromDay: from, toDay: to, days: days, accumulated: accumulated, rate: rate, claimed: claimed))
            return claimed
        }
    }
}
