import Foundation
import ZhubaoCore

/// Text of the six kinds of file, line by line, exactly as formats.md lays them out.
enum GenRender {
    static func xml(_ text: String) -> String {
        guard text.contains(where: { $0 == "&" || $0 == "<" || $0 == ">" }) else { return text }
        return text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }

    static func declaration(_ encoding: GenEncoding) -> String {
        "<?xml version=\"1.0\" encoding=\"\(encoding == .gb18030 ? "GB18030" : "UTF-8")\"?>"
    }

    static func receiptsHead(region: String, date: Day, seq: Int, taxOffice: String, count: Int, total: Fen,
                             encoding: GenEncoding) -> [String] {
        [declaration(encoding),
         "<ContributionReceipts xmlns=\"urn:zhubao:tax-receipt:1\" version=\"1.0\">",
         "  <Header>",
         "    <BatchNo>TAX\(region)\(date.compact)\(String(seq).genPadded(5))</BatchNo>",
         "    <Region>\(region)</Region>",
         "    <TaxOffice>\(taxOffice)</TaxOffice>",
         "    <BusinessDate>\(date.iso)</BusinessDate>",
         "    <RecordCount>\(count)</RecordCount>",
         "    <TotalAmount>\(total.yuan)</TotalAmount>",
         "  </Header>",
         "  <Receipts>"]
    }

    static let receiptsTail = ["  </Receipts>", "</ContributionReceipts>"]

    /// One receipt over five lines (the layout of the samples), or one line (bulk files).
    static func receipt(_ r: GenReceipt, compact: Bool = false) -> [String] {
        var a = "<TicketNo>\(r.ticketNo)</TicketNo><IdNumber>\(r.idNumber)</IdNumber><Name>\(xml(r.name))</Name>"
        var b = "<InsuranceType>\(r.insuranceType)</InsuranceType><PeriodFrom>\(r.paid.periodFrom.iso)</PeriodFrom><PeriodTo>\(r.paid.periodTo.iso)</PeriodTo>"
        var c = (r.paid.base.map { "<Base>\($0.yuan)</Base>" } ?? "") + "<Amount>\(r.paid.amount.yuan)</Amount><PaidOn>\(r.paidOn.iso)</PaidOn>"
        var d = "<Channel>\(r.loan ? "LOAN" : "SELF")</Channel>"
        if let contract = r.contractNo { d += "<ContractNo>\(contract)</ContractNo>" }
        if let bank = r.bankCode { d += "<BankCode>\(bank)</BankCode>" }
        d += "<Status>\(r.reverses == nil ? "NORMAL" : "REVERSAL")</Status>"
        if let reverses = r.reverses { d += "<ReversesTicketNo>\(reverses)</ReversesTicketNo>" }
        if compact { return ["    <Receipt>" + a + b + c + d + "</Receipt>"] }
        a = "      " + a; b = "      " + b; c = "      " + c; d = "      " + d
        return ["    <Receipt>", a, b, c, d, "    </Receipt>"]
    }

    static func participants(_ records: [GenParticipant], region: String, date: Day, seq: Int,
                             encoding: GenEncoding) -> [String] {
        var lines = [declaration(encoding),
                     "<ParticipantRegister xmlns=\"urn:zhubao:participant:1\" version=\"1.0\">",
                     "  <Header>",
                     "    <ExtractNo>SI\(region)\(date.compact)\(String(seq).genPadded(5))</ExtractNo>",
                     "    <Region>\(region)</Region>",
                     "    <AsOf>\(date.iso)</AsOf>",
                     "    <RecordCount>\(records.count)</RecordCount>",
                     "  </Header>",
                     "  <Participants>"]
        for p in records {
            lines.append("    <Participant>")
            lines.append("      <IdNumber>\(p.person.idNumber)</IdNumber><Name>\(xml(p.person.name))</Name>"
                         + "<Gender>\(p.person.male ? 1 : 2)</Gender><BirthDate>\(p.person.birth.iso)</BirthDate>")
            lines.append("      <InsuranceType>\(p.insuranceType)</InsuranceType><County>\(p.person.county)</County>")
            lines.append("      <RetirementDate>\(p.retirement.iso)</RetirementDate>"
                         + "<ContributionMonths>\(p.contributionMonths)</ContributionMonths>")
            lines.append("      <SscAccount>\(p.ssc)</SscAccount>")
            if let loan = p.loan {
                lines.append("      <Loan><ApprovalNo>\(loan.approvalNo)</ApprovalNo><ApprovedOn>\(loan.approvedOn.iso)</ApprovedOn>"
                             + "<Mode>\(loan.annual ? "ANNUAL" : "LUMP")</Mode>")
                var loanLines = ["        <BankCode>\(loan.bank)</BankCode><ContractNo>\(loan.contractNo)</ContractNo>"
                    + (loan.consent.map { "<BasicPensionConsent>\($0)</BasicPensionConsent>" } ?? "")]
                for co in loan.coBorrowers {
                    loanLines.append("        <CoBorrower><IdNumber>\(co.idNumber)</IdNumber><Name>\(xml(co.name))</Name>"
                                     + "<Relation>\(co.relation)</Relation></CoBorrower>")
                }
                loanLines[loanLines.count - 1] += "</Loan>"
                lines += loanLines
            }
            if let pension = p.pension {
                lines.append("      <Pension><StartMonth>\(pension.start.iso)</StartMonth><Monthly>\(pension.monthly.yuan)</Monthly>"
                             + (pension.basic.map { "<Basic>\($0.yuan)</Basic>" } ?? "") + "</Pension>")
            }
            if let balance = p.personalAccount { lines.append("      <PersonalAccountBalance>\(balance.yuan)</PersonalAccountBalance>") }
            if let death = p.death { lines.append("      <DeathDate>\(death.iso)</DeathDate>") }
            lines.append("    </Participant>")
        }
        return lines + ["  </Participants>", "</ParticipantRegister>"]
    }

    static let hardshipHeader = "身份证号,姓名,人员类别,行政区划,认定日期,终止日期,终止原因"

    static func csv(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func hardship(_ r: GenHardshipRow) -> String {
        [r.idNumber, csv(r.name), r.category, r.county, GenDates.spreadsheet(r.certifiedOn, style: r.dateStyle),
         r.endOn.map { GenDates.spreadsheet($0, style: r.dateStyle) } ?? "", r.endReason ?? ""].joined(separator: ",")
    }

    static func bankHeader(bank: String, region: String, kind: InputKind, date: Day, seq: Int) -> String {
        "H|\(bank)|\(region)|\(kind.rawValue)|\(date.compact)|B\(bank)\(region)\(date.compact)\(String(seq).genPadded(2))|1.0"
    }

    static func disbursement(_ d: GenDrawdown, cancel: Bool) -> String {
        ["D", d.loanNo, d.contractNo, d.idNumber, d.name, d.annual ? "A" : "L", (cancel ? -d.amount : d.amount).yuan,
         d.rate.percent, d.disbursedOn.compact, d.maturesOn.compact, d.coverFrom.compact, d.coverTo.compact,
         d.account, cancel ? "C" : "N"].joined(separator: "|")
    }

    static func deduction(_ t: GenTransaction) -> String {
        ["D", t.txnNo, t.loanNo, t.contractNo, t.idNumber, t.name, t.date.compact, t.kind.rawValue, t.due.yuan,
         t.principal.yuan, t.interest.yuan, t.result.rawValue, t.pension?.yuan ?? "", t.basicPension?.yuan ?? "",
         t.balanceAfter.yuan, t.account].joined(separator: "|")
    }

    static func claim(_ c: GenClaimLine) -> String {
        let (d, s) = (c.drawdown, c.claimed)
        return ["D", d.loanNo, d.contractNo, d.idNumber, d.name, String(c.year), s.from.compact, s.to.compact, String(s.days),
                s.accumulated.yuan, s.rate.percent, s.amount.yuan].joined(separator: "|")
    }
}
