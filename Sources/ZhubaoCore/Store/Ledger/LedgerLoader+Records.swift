import GRDB

extension LedgerLoader {
    private enum DrawdownColumn: Int, LoadedColumn {
        case fileId, fileName, fileDate, line, loanNo, status, idValid, idNumber, contractNo, bankCode, mode, amount, rate
        case disbursedOn, maturesOn, coverFrom, coverTo, account, name
    }

    func loadDrawdowns(_ db: Database, into history: inout LedgerHistory, unique: inout UniqueKeys) throws {
        typealias C = DrawdownColumn
        var seen: Set<PairKey<String, String>> = []
        try eachRecord(db, "drawdown", C.self, order: "r.line", through: history.through) { row, file in
            let line: Int = row[C.line], loanNo: String = row[C.loanNo], status: DrawdownStatus = try row.code(C.status)
            let source = "\(file.name):\(line)"
            guard unique.admit(PairKey(first: loanNo, second: status.rawValue), in: &seen, idValid: row[C.idValid],
                               idNumber: row[C.idNumber], file: file, source: source,
                               subject: .init(loanNo: loanNo, file: file.name)) else { return }
            if status == .cancellation {
                history.cancellations.append(.init(day: file.day, value: loanNo))
                return
            }
            try history.drawdowns.append(.init(day: file.day, value: Drawdown(
                loanNo: loanNo, contractNo: row[C.contractNo], idNumber: row[C.idNumber], bankCode: row[C.bankCode],
                mode: row.code(C.mode), amount: row.fen(C.amount), rate: row.rate(C.rate),
                disbursedOn: row.day(C.disbursedOn), maturesOn: row.day(C.maturesOn),
                coverFrom: row.month(C.coverFrom), coverTo: row.month(C.coverTo),
                account: row[C.account], cancelled: false, source: source, name: row[C.name])))
        }
    }

    private enum ReceiptColumn: Int, LoadedColumn {
        case fileId, fileName, fileDate, source, ticketNo, idValid, idNumber, name, insuranceType, periodFrom, periodTo
        case base, amount, paidOn, channel, contractNo, bankCode, status, reversesTicketNo
    }

    func loadReceipts(_ db: Database, into history: inout LedgerHistory, unique: inout UniqueKeys) throws {
        typealias C = ReceiptColumn
        var seen: Set<String> = []
        try eachRecord(db, "receipt", C.self, order: "r.id", through: history.through) { row, file in
            let source: String = row[C.source], ticketNo: String = row[C.ticketNo]
            guard unique.admit(ticketNo, in: &seen, idValid: row[C.idValid], idNumber: row[C.idNumber], file: file,
                               source: source, subject: .init(ticketNo: ticketNo, file: file.name)) else { return }
            try history.receipts.append(.init(day: file.day, value: Receipt(
                ticketNo: ticketNo, idNumber: row[C.idNumber], name: row[C.name], insuranceType: row.code(C.insuranceType),
                periodFrom: row.month(C.periodFrom), periodTo: row.month(C.periodTo),
                base: row.optionalFen(C.base), amount: row.fen(C.amount),
                paidOn: row.day(C.paidOn), channel: row.code(C.channel), contractNo: row[C.contractNo],
                bankCode: row[C.bankCode], status: row.code(C.status), reversesTicketNo: row[C.reversesTicketNo],
                reversed: false, source: source)))
        }
    }

    private enum TransactionColumn: Int, LoadedColumn {
        case fileId, fileName, fileDate, line, txnNo, idValid, idNumber, loanNo, contractNo, txnDate, kind, due
        case principalPaid, interestPaid, result, pension, basicPension, balanceAfter, account
    }

    func loadTransactions(_ db: Database, into history: inout LedgerHistory, unique: inout UniqueKeys) throws {
        typealias C = TransactionColumn
        var seen: Set<String> = []
        try eachRecord(db, "bankTransaction", C.self, order: "r.line", through: history.through) { row, file in
            let line: Int = row[C.line], txnNo: String = row[C.txnNo], source = "\(file.name):\(line)"
            guard unique.admit(txnNo, in: &seen, idValid: row[C.idValid], idNumber: row[C.idNumber], file: file,
                               source: source, subject: .init(txnNo: txnNo, file: file.name)) else { return }
            try history.transactions.append(.init(day: file.day, value: Transaction(
                txnNo: txnNo, loanNo: row[C.loanNo], contractNo: row[C.contractNo], idNumber: row[C.idNumber],
                txnDate: row.day(C.txnDate), kind: row.code(C.kind), due: row.fen(C.due),
                principalPaid: row.fen(C.principalPaid), interestPaid: row.fen(C.interestPaid), result: row.code(C.result),
                pension: row.optionalFen(C.pension), basicPension: row.optionalFen(C.basicPension),
                balanceAfter: row.fen(C.balanceAfter), account: row[C.account], source: source)))
        }
    }

    private enum ClaimColumn: Int, LoadedColumn {
        case fileId, fileName, fileDate, line, loanNo, year, idValid, idNumber, bankCode, contractNo, name, fromDay, toDay
        case days, accumulated, rate, claimed
    }

    func loadClaims(_ db: Database, into history: inout LedgerHistory, unique: inout UniqueKeys) throws {
        typealias C = ClaimColumn
        var seen: Set<PairKey<String, Int>> = []
        try eachRecord(db, "claimLine", C.self, order: "r.line", through: history.through) { row, file in
            let line: Int = row[C.line], loanNo: String = row[C.loanNo], year: Int = row[C.year]
            let source = "\(file.name):\(line)"
            guard unique.admit(PairKey(first: loanNo, second: year), in: &seen, idValid: row[C.idValid],
                               idNumber: row[C.idNumber], file: file, source: source,
                               subject: .init(loanNo: loanNo, file: file.name)) else { return }
            try history.claimLines.append(.init(day: file.day, value: ClaimLine(
                bankCode: row[C.bankCode], loanNo: loanNo, contractNo: row[C.contractNo], idNumber: row[C.idNumber],
                name: row[C.name], year: year, from: row.day(C.fromDay), to: row.day(C.toDay),
                days: row[C.days], accumulated: row.fen(C.accumulated), rate: row.rate(C.rate),
                claimed: row.fen(C.claimed), file: file.name, source: source)))
        }
    }
}
