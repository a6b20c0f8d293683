import GRDB

/// Records of the big tables insert through one prepared statement per table, bound column by
/// column through the SQLite C API (`PreparedInsert`), without `Codable` or GRDB's
/// `StatementArguments` (measured: both dominated the import of a million rows). The column
/// lists are the migrations' columns; `bind(to:)` adds the values in the same order, and
/// `PreparedInsert` refuses a row whose count differs.
public protocol FastInsertable {
    static var databaseTableName: String { get }
    /// The columns `bind(to:)` fills, in its order.
    static var insertColumns: [String] { get }
    func bind(to row: inout InsertRow)
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
    public static let insertColumns = [
        "fileId", "source", "ticketNo", "idNumber", "idValid", "name", "insuranceType", "periodFrom", "periodTo",
        "base", "amount", "paidOn", "channel", "contractNo", "bankCode", "status", "reversesTicketNo"]
    public func bind(to row: inout InsertRow) {
        row.add(fileId); row.add(source); row.add(ticketNo); row.add(idNumber); row.add(idValid)
        row.add(name); row.add(insuranceType); row.add(periodFrom); row.add(periodTo); row.add(base)
        row.add(amount); row.add(paidOn); row.add(channel); row.add(contractNo); row.add(bankCode)
        row.add(status); row.add(reversesTicketNo)
    }
}

extension HardshipRowRecord: FastInsertable {
    public static let insertColumns = [
        "fileId", "line", "department", "idNumber", "idValid", "name", "category", "county", "certifiedOn", "endsOn", "endReason"]
    public func bind(to row: inout InsertRow) {
        row.add(fileId); row.add(line); row.add(department); row.add(idNumber); row.add(idValid)
        row.add(name); row.add(category); row.add(county); row.add(certifiedOn); row.add(endsOn)
        row.add(endReason)
    }
}

extension DrawdownRecord: FastInsertable {
    public static let insertColumns = [
        "fileId", "line", "bankCode", "loanNo", "contractNo", "idNumber", "idValid", "name", "mode", "amount", "rate",
        "disbursedOn", "maturesOn", "coverFrom", "coverTo", "account", "status"]
    public func bind(to row: inout InsertRow) {
        row.add(fileId); row.add(line); row.add(bankCode); row.add(loanNo); row.add(contractNo)
        row.add(idNumber); row.add(idValid); row.add(name); row.add(mode); row.add(amount); row.add(rate)
        row.add(disbursedOn); row.add(maturesOn); row.add(coverFrom); row.add(coverTo); row.add(account)
        row.add(status)
    }
}

extension BankTransactionRecord: FastInsertable {
    public static let insertColumns = [
        "fileId", "line", "bankCode", "txnNo", "loanNo", "contractNo", "idNumber", "idValid", "name", "txnDate", "kind",
        "due", "principalPaid", "interestPaid", "result", "pension", "basicPension", "balanceAfter", "account"]
    public func bind(to row: inout InsertRow) {
        row.add(fileId); row.add(line); row.add(bankCode); row.add(txnNo); row.add(loanNo)
        row.add(contractNo); row.add(idNumber); row.add(idValid); row.add(name); row.add(txnDate)
        row.add(kind); row.add(due); row.add(principalPaid); row.add(interestPaid); row.add(result)
        row.add(pension); row.add(basicPension); row.add(balanceAfter); row.add(account)
    }
}

extension ClaimLineRecord: FastInsertable {
    public static let insertColumns = [
        "fileId", "line", "bankCode", "loanNo", "contractNo", "idNumber", "idValid", "name", "year", "fromDay", "toDay",
        "days", "accumulated", "rate", "claimed"]
    public func bind(to row: inout InsertRow) {
        row.add(fileId); row.add(line); row.add(bankCode); row.add(loanNo); row.add(contractNo)
        row.add(idNumber); row.add(idValid); row.add(name); row.add(year); row.add(fromDay); row.add(toDay)
        row.add(days); row.add(accumulated); row.add(rate); row.add(claimed)
    }
}
