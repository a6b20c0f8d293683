import GRDB

extension LedgerLoader {
    func loadDrawdowns(_ db: Database, into history: inout LedgerHistory, unique: inout UniqueKeys) throws {
        let rows = try Row.fetchCursor(db, sql: recordsSQL("drawdown", order: "r.line"), arguments: [history.through.iso])
        while let row = try rows.next() {
            let file: String = row["fileName"], line: Int = row["line"], day = try row.day("fileDate")
            let loanNo: String = row["loanNo"], status: DrawdownStatus = try row.code("status")
            guard try unique.admit(row, table: "drawdown", key: "\(loanNo)|\(status.rawValue)", source: "\(file):\(line)",
                               subject: .init(loanNo: loanNo, file: file)) else { continue }
            if status == .cancellation {
                history.cancellations.append(.init(day: day, value: loanNo))
                continue
            }
            try history.drawdowns.append(.init(day: day, value: Drawdown(
                loanNo: loanNo, contractNo: row["contractNo"], idNumber: row["idNumber"], bankCode: row["bankCode"],
                mode: row.code("mode"), amount: Fen(row["amount"]), rate: Rate(units: row["rate"]),
                disbursedOn: row.day("disbursedOn"), maturesOn: row.day("maturesOn"),
                coverFrom: row.month("coverFrom"), coverTo: row.month("coverTo"),
                account: row["account"], cancelled: false, source: "\(file):\(line)", name: row["name"])))
        }
    }

    func loadReceipts(_ db: Database, into history: inout LedgerHistory, unique: inout UniqueKeys) throws {
        let rows = try Row.fetchCursor(db, sql: recordsSQL("receipt", order: "r.id"), arguments: [history.through.iso])
        while let row = try rows.next() {
            let file: String = row["fileName"], source: String = row["source"], ticketNo: String = row["ticketNo"]
            let day = try row.day("fileDate")
            guard try unique.admit(row, table: "receipt", key: ticketNo, source: source,
                               subject: .init(ticketNo: ticketNo, file: file)) else { continue }
            try history.receipts.append(.init(day: day, value: Receipt(
                ticketNo: ticketNo, idNumber: row["idNumber"], name: row["name"], insuranceType: row.code("insuranceType"),
                periodFrom: row.month("periodFrom"), periodTo: row.month("periodTo"),
                base: row.optionalFen("base"), amount: Fen(row["amount"]),
                paidOn: row.day("paidOn"), channel: row.code("channel"), contractNo: row["contractNo"],
                bankCode: row["bankCode"], status: row.code("status"), reversesTicketNo: row["reversesTicketNo"],
                reversed: false, source: source)))
        }
    }

    func loadTransactions(_ db: Database, into history: inout LedgerHistory, unique: inout UniqueKeys) throws {
        let rows = try Row.fetchCursor(db, sql: recordsSQL("bankTransaction", order: "r.line"), arguments: [history.through.iso])
        while let row = try rows.next() {
            let file: String = row["fileName"], line: Int = row["line"], txnNo: String = row["txnNo"]
            let day = try row.day("fileDate")
            guard try unique.admit(row, table: "transaction", key: txnNo, source: "\(file):\(line)",
                               subject: .init(txnNo: txnNo, file: file)) else { continue }
            try history.transactions.append(.init(day: day, value: Transaction(
                txnNo: txnNo, loanNo: row["loanNo"], contractNo: row["contractNo"], idNumber: row["idNumber"],
                txnDate: row.day("txnDate"), kind: row.code("kind"), due: Fen(row["due"]),
                principalPaid: Fen(row["principalPaid"]), interestPaid: Fen(row["interestPaid"]), result: row.code("result"),
                pension: row.optionalFen("pension"), basicPension: row.optionalFen("basicPension"),
                balanceAfter: Fen(row["balanceAfter"]), account: row["account"], source: "\(file):\(line)")))
        }
    }

    func loadClaims(_ db: Database, into history: inout LedgerHistory, unique: inout UniqueKeys) throws {
        let rows = try Row.fetchCursor(db, sql: recordsSQL("claimLine", order: "r.line"), arguments: [history.through.iso])
        while let row = try rows.next() {
            let file: String = row["fileName"], line: Int = row["line"], day = try row.day("fileDate")
            let loanNo: String = row["loanNo"], year: Int = row["year"]
            guard try unique.admit(row, table: "claim", key: "\(loanNo)|\(year)", source: "\(file):\(line)",
                               subject: .init(loanNo: loanNo, file: file)) else { continue }
            try history.claimLines.append(.init(day: day, value: ClaimLine(
                bankCode: row["bankCode"], loanNo: loanNo, contractNo: row["contractNo"], idNumber: row["idNumber"],
                name: row["name"], year: year, from: row.day("fromDay"), to: row.day("toDay"),
                days: row["days"], accumulated: Fen(row["accumulated"]), rate: Rate(units: row["rate"]),
                claimed: Fen(row["claimed"]), file: file, source: "\(file):\(line)")))
        }
    }
}
