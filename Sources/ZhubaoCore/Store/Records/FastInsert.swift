import GRDB

/// Records of the big tables insert through one prepared statement per table, bound column by
/// column through the SQLite C API (`PreparedInsert`), without `Codable` or GRDB's
/// `StatementArguments` (measured: both dominated the import of a million rows). The columns
/// are the record's `Columns` (its coding keys) but `id`; `bind(to:)` adds the values in that
/// order (a test round-trips every record type through it), and `PreparedInsert` refuses a row
/// whose count differs.
package protocol FastInsertable {
    static var databaseTableName: String { get }
    /// The columns `bind(to:)` fills, in its order.
    static var insertColumns: [String] { get }
    func bind(to row: inout InsertRow)
}

extension FastInsertable where Self: StoredRecord {
    package static var insertColumns: [String] { columnNames.filter { $0 != "id" } }
}

extension FastInsertable {
    /// `INSERT OR FAIL INTO table (columns) VALUES (?, …), (?, …)` for `rows` rows. `OR FAIL`
    /// spares SQLite a statement journal for the multi-row statement (a temporary file written
    /// for every statement): a failing insert rolls back the file's whole transaction anyway.
    static func insertSQL(rows: Int) -> String {
        let one = "(" + Array(repeating: "?", count: insertColumns.count).joined(separator: ", ") + ")"
        return "INSERT OR FAIL INTO \(databaseTableName) (\(insertColumns.joined(separator: ", "))) VALUES "
            + Array(repeating: one, count: rows).joined(separator: ", ")
    }
}

extension ReceiptRecord: FastInsertable {
    package func bind(to row: inout InsertRow) {
        Self.bind(to: &row, fileId: fileId, source: source, ticketNo: ticketNo, idNumber: idNumber, idValid: idValid,
                  name: name, insuranceType: insuranceType, periodFrom: periodFrom, periodTo: periodTo, base: base,
                  amount: amount, paidOn: paidOn, channel: channel, contractNo: contractNo, bankCode: bankCode,
                  status: status, reversesTicketNo: reversesTicketNo)
    }

    /// The row of a receipt in `insertColumns` order, its texts as strings or as the file's bytes.
    static func bind<T: InsertText>(
        to row: inout InsertRow, fileId: Int64, source: T, ticketNo: T, idNumber: T, idValid: Bool, name: T,
        insuranceType: InsuranceType, periodFrom: YearMonth, periodTo: YearMonth, base: Fen?, amount: Fen, paidOn: Day,
        channel: ReceiptChannel, contractNo: T?, bankCode: T?, status: ReceiptStatus, reversesTicketNo: T?
    ) {
        row.add(fileId); row.add(source); row.add(ticketNo); row.add(idNumber); row.add(idValid)
        row.add(name); row.add(insuranceType); row.add(periodFrom); row.add(periodTo); row.add(base)
        row.add(amount); row.add(paidOn); row.add(channel); row.add(contractNo); row.add(bankCode)
        row.add(status); row.add(reversesTicketNo)
    }
}

extension HardshipChunkRecord: FastInsertable {
    package func bind(to row: inout InsertRow) {
        rows.withUnsafeBytes { Self.bind(to: &row, fileId: fileId, rowCount: rowCount, rows: $0.bindMemory(to: UInt8.self)) }
    }

    /// The row of a chunk in `insertColumns` order, its bytes as the builder holds them.
    static func bind(to row: inout InsertRow, fileId: Int64, rowCount: Int, rows: UnsafeBufferPointer<UInt8>) {
        row.add(fileId); row.add(rowCount); row.add(blob: rows)
    }
}

extension DrawdownRecord: FastInsertable {
    package func bind(to row: inout InsertRow) {
        row.add(fileId); row.add(line); row.add(bankCode); row.add(loanNo); row.add(contractNo)
        row.add(idNumber); row.add(idValid); row.add(name); row.add(mode); row.add(amount); row.add(rate)
        row.add(disbursedOn); row.add(maturesOn); row.add(coverFrom); row.add(coverTo); row.add(account)
        row.add(status)
    }
}

extension BankTransactionRecord: FastInsertable {
    package func bind(to row: inout InsertRow) {
        row.add(fileId); row.add(line); row.add(bankCode); row.add(txnNo); row.add(loanNo)
        row.add(contractNo); row.add(idNumber); row.add(idValid); row.add(name); row.add(txnDate)
        row.add(kind); row.add(due); row.add(principalPaid); row.add(interestPaid); row.add(result)
        row.add(pension); row.add(basicPension); row.add(balanceAfter); row.add(account)
    }
}

extension ClaimLineRecord: FastInsertable {
    package func bind(to row: inout InsertRow) {
        row.add(fileId); row.add(line); row.add(bankCode); row.add(loanNo); row.add(contractNo)
        row.add(idNumber); row.add(idValid); row.add(name); row.add(year); row.add(fromDay); row.add(toDay)
        row.add(days); row.add(accumulated); row.add(rate); row.add(claimed)
    }
}

/// Participants are many (a register extract a day, every person in it): the bulk path too. One
/// with co-borrowers is inserted with GRDB instead, as their rows need its row id.
extension ParticipantRecord: FastInsertable {
    package func bind(to row: inout InsertRow) {
        row.add(fileId); row.add(source); row.add(asOf); row.add(idNumber); row.add(idValid); row.add(name)
        row.add(gender); row.add(birthDate); row.add(insuranceType); row.add(county); row.add(retirementDate)
        row.add(contributionMonths); row.add(sscAccount); row.add(approvalNo); row.add(approvedOn); row.add(loanMode)
        row.add(loanBankCode); row.add(contractNo); row.add(basicPensionConsent); row.add(pensionStartMonth)
        row.add(pensionMonthly); row.add(pensionBasic); row.add(personalAccountBalance); row.add(deathDate)
    }
}

extension EngineLoanRecord: FastInsertable {
    package func bind(to row: inout InsertRow) {
        row.add(loanNo); row.add(accrual); row.add(eligBank); row.add(eligLine)
    }
}
