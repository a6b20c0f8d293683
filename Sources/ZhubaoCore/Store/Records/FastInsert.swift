import GRDB

/// Records of the big tables insert through one cached prepared statement with positional
/// arguments, without going through `Codable` (measured: Codable encoding dominated the import of
/// a million receipts). The column lists are the migrations' columns, in order.
protocol FastInsertable {
    static var insertSQL: String { get }
    var insertArguments: StatementArguments { get }
}

extension FastInsertable {
    static func makeInsertSQL(table: String, columns: [String]) -> String {
        "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(Array(repeating: "?", count: columns.count).joined(separator: ", ")))"
    }
}

extension ReceiptRecord: FastInsertable {
    static let insertSQL = makeInsertSQL(table: databaseTableName, columns: [
        "fileId", "source", "ticketNo", "idNumber", "idValid", "name", "insuranceType", "periodFrom", "periodTo",
        "base", "amount", "paidOn", "channel", "contractNo", "bankCode", "status", "reversesTicketNo"])
    var insertArguments: StatementArguments {
        [fileId, source, ticketNo, idNumber, idValid, name, insuranceType, periodFrom, periodTo,
         base, amount, paidOn, channel, contractNo, bankCode, status, reversesTicketNo]
    }
}

extension HardshipRowRecord: FastInsertable {
    static let insertSQL = makeInsertSQL(table: databaseTableName, columns: [
        "fileId", "line", "department", "idNumber", "idValid", "name", "category", "county", "certifiedOn", "endsOn", "endReason"])
    var insertArguments: StatementArguments {
        [fileId, line, department, idNumber, idValid, name, category, county, certifiedOn, endsOn, endReason]
    }
}

extension DrawdownRecord: FastInsertable {
    static let insertSQL = makeInsertSQL(table: databaseTableName, columns: [
        "fileId", "line", "bankCode", "loanNo", "contractNo", "idNumber", "idValid", "name", "mode", "amount", "rate",
        "disbursedOn", "maturesOn", "coverFrom", "coverTo", "account", "status"])
    var insertArguments: StatementArguments {
        [fileId, line, bankCode, loanNo, contractNo, idNumber, idValid, name, mode, amount, rate,
         disbursedOn, maturesOn, coverFrom, coverTo, account, status]
    }
}

extension BankTransactionRecord: FastInsertable {
    static let insertSQL = makeInsertSQL(table: databaseTableName, columns: [
        "fileId", "line", "bankCode", "txnNo", "loanNo", "contractNo", "idNumber", "idValid", "name", "txnDate", "kind",
        "due", "principalPaid", "interestPaid", "result", "pension", "basicPension", "balanceAfter", "account"])
    var insertArguments: StatementArguments {
        [fileId, line, bankCode, txnNo, loanNo, contractNo, idNumber, idValid, name, txnDate, kind,
         due, principalPaid, interestPaid, result, pension, basicPension, balanceAfter, account]
    }
}

extension ClaimLineRecord: FastInsertable {
    static let insertSQL = makeInsertSQL(table: databaseTableName, columns: [
        "fileId", "line", "bankCode", "loanNo", "contractNo", "idNumber", "idValid", "name", "year", "fromDay", "toDay",
        "days", "accumulated", "rate", "claimed"])
    var insertArguments: StatementArguments {
        [fileId, line, bankCode, loanNo, contractNo, idNumber, idValid, name, year, fromDay, toDay,
         days, accumulated, rate, claimed]
    }
}
