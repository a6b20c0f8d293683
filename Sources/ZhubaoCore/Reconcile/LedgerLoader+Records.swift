import GRDB

extension LedgerLoader {
    func loadDrawdowns(_ db: Database, into ledger: inout Ledger, unique: inout UniqueKeys) throws {
        var drawdowns: [Drawdown] = []
        var cancelled: Set<String> = []
        let rows = try Row.fetchCursor(db, sql: Self.recordsSQL("drawdown", order: "r.line"), arguments: [ledger.asOf.iso])
        while let row = try rows.next() {
            let file: String = row["fileName"], line: Int = row["line"]
            let loanNo: String = row["loanNo"], status: String = row["status"]
            guard unique.admit(table: "drawdown", key: "\(loanNo)|\(status)", idValid: row["idValid"],
                               idNumber: row["idNumber"], file: file, source: "\(file):\(line)",
                               subject: .init(loanNo: loanNo, file: file)) else { continue }
            if status == "C" { cancelled.insert(loanNo); continue }
            drawdowns.append(Drawdown(
                loanNo: loanNo, contractNo: row["contractNo"], idNumber: row["idNumber"], bankCode: row["bankCode"],
                mode: row["mode"], amount: Fen(row["amount"]), rate: Rate(units: row["rate"]),
                disbursedOn: Day(iso: row["disbursedOn"] as String)!, maturesOn: Day(iso: row["maturesOn"] as String)!,
                coverFrom: YearMonth(iso: row["coverFrom"] as String)!, coverTo: YearMonth(iso: row["coverTo"] as String)!,
                account: row["account"], cancelled: false, source: "\(file):\(line)", name: row["name"]))
        }
        for index in drawdowns.indices where cancelled.contains(drawdowns[index].loanNo) {
            drawdowns[index].cancelled = true
        }
        ledger.drawdowns = drawdowns
    }

    func loadReceipts(_ db: Database, into ledger: inout Ledger, unique: inout UniqueKeys) throws {
        var receipts: [Receipt] = []
        let rows = try Row.fetchCursor(db, sql: Self.recordsSQL("receipt", order: "r.id"), arguments: [ledger.asOf.iso])
        while let row = try rows.next() {
            let file: String = row["fileName"], source: String = row["source"], ticketNo: String = row["ticketNo"]
            guard unique.admit(table: "receipt", key: ticketNo, idValid: row["idValid"], idNumber: row["idNumber"],
                               file: file, source: source, subject: .init(ticketNo: ticketNo, file: file)) else { continue }
            receipts.append(Receipt(
                ticketNo: ticketNo, idNumber: row["idNumber"], name: row["name"], insuranceType: row["insuranceType"],
                periodFrom: YearMonth(iso: row["periodFrom"] as String)!, periodTo: YearMonth(iso: row["periodTo"] as String)!,
                base: (row["base"] as Int64?).map(Fen.init), amount: Fen(row["amount"]),
                paidOn: Day(iso: row["paidOn"] as String)!, channel: row["channel"], contractNo: row["contractNo"],
                bankCode: row["bankCode"], status: row["status"], reversesTicketNo: row["reversesTicketNo"],
                reversed: false, source: source))
        }
        let reversedTickets = Set(receipts.filter { $0.status == "REVERSAL" }.compactMap(\.reversesTicketNo))
        for index in receipts.indices where receipts[index].status == "NORMAL" && reversedTickets.contains(receipts[index].ticketNo) {
            receipts[index].reversed = true
        }
        ledger.receipts = receipts
    }

    func loadTransactions(_ db: Database, into ledger: inout Ledger, unique: inout UniqueKeys) throws {
        // rules.md §2: a transaction of no drawdown known as of D, or of a cancelled one, takes part in nothing.
        let live = Set(ledger.drawdowns.filter { !$0.cancelled }.map(\.loanNo))
        var transactions: [Transaction] = []
        let rows = try Row.fetchCursor(db, sql: Self.recordsSQL("bankTransaction", order: "r.line"), arguments: [ledger.asOf.iso])
        while let row = try rows.next() {
            let file: String = row["fileName"], line: Int = row["line"], txnNo: String = row["txnNo"]
            guard unique.admit(table: "transaction", key: txnNo, idValid: row["idValid"], idNumber: row["idNumber"],
                               file: file, source: "\(file):\(line)", subject: .init(txnNo: txnNo, file: file)) else { continue }
            let loanNo: String = row["loanNo"]
            guard live.contains(loanNo) else { continue }
            transactions.append(Transaction(
                txnNo: txnNo, loanNo: loanNo, contractNo: row["contractNo"], idNumber: row["idNumber"],
                txnDate: Day(iso: row["txnDate"] as String)!, kind: row["kind"], due: Fen(row["due"]),
                principalPaid: Fen(row["principalPaid"]), interestPaid: Fen(row["interestPaid"]), result: row["result"],
                pension: (row["pension"] as Int64?).map(Fen.init), basicPension: (row["basicPension"] as Int64?).map(Fen.init),
                balanceAfter: Fen(row["balanceAfter"]), account: row["account"], source: "\(file):\(line)"))
        }
        ledger.transactions = transactions
    }

    func loadClaims(_ db: Database, into ledger: inout Ledger, unique: inout UniqueKeys) throws {
        var lines: [ClaimLine] = []
        let rows = try Row.fetchCursor(db, sql: Self.recordsSQL("claimLine", order: "r.line"), arguments: [ledger.asOf.iso])
        while let row = try rows.next() {
            let file: String = row["fileName"], line: Int = row["line"]
            let loanNo: String = row["loanNo"], year: Int = row["year"]
            guard unique.admit(table: "claim", key: "\(loanNo)|\(year)", idValid: row["idValid"], idNumber: row["idNumber"],
                               file: file, source: "\(file):\(line)", subject: .init(loanNo: loanNo, file: file)) else { continue }
            lines.append(ClaimLine(
                bankCode: row["bankCode"], loanNo: loanNo, contractNo: row["contractNo"], idNumber: row["idNumber"],
                name: row["name"], year: year, from: Day(iso: row["fromDay"] as String)!, to: Day(iso: row["toDay"] as String)!,
                days: row["days"], accumulated: Fen(row["accumulated"]), rate: Rate(units: row["rate"]),
                claimed: Fen(row["claimed"]), file: file, source: "\(file):\(line)"))
        }
        ledger.claimLines = lines
    }
}
