/// `SUBSIDY_CLAIM_{region}_{bank}_{year}.xml` (outputs.md), namespace
/// `urn:zhubao:subsidy-claim:1`, schema `schemas/subsidy-claim.xsd`. Lines sorted by loanNo.
package enum ClaimXML {
    package static func render(region: String, bank: String, year: Int, asOf: Day, lines: [ClaimStatement.Line]) -> String {
        let computed = lines.reduce(Fen.zero) { $0 + $1.computed }
        let claimed = lines.reduce(Fen.zero) { $0 + ($1.claimed ?? .zero) }
        let approved = lines.reduce(Fen.zero) { $0 + $1.approved }
        var out = """
        <?xml version="1.0" encoding="UTF-8"?>
        <SubsidyClaim xmlns="urn:zhubao:subsidy-claim:1" version="1.0">
          <Header>
            <Region>\(region)</Region><BankCode>\(bank)</BankCode><Year>\(year)</Year><AsOf>\(asOf.iso)</AsOf>
            <LineCount>\(lines.count)</LineCount>
            <TotalComputed>\(computed.yuan)</TotalComputed><TotalClaimed>\(claimed.yuan)</TotalClaimed><TotalApproved>\(approved.yuan)</TotalApproved>
          </Header>
          <Lines>

        """
        for line in lines {
            let s = line.subsidy
            out += "    <Line>\n"
            out += "      <LoanNo>\(XMLText.escape(line.loanNo))</LoanNo><ContractNo>\(XMLText.escape(line.contractNo))</ContractNo>\n"
            out += "      <IdNumber>\(XMLText.escape(line.idNumber))</IdNumber><Name>\(XMLText.escape(line.name))</Name><Categories>\(s?.categories.joined(separator: " ") ?? "")</Categories>\n"
            if let s {
                out += "      <From>\(s.from.iso)</From><To>\(s.to.iso)</To><Days>\(s.days)</Days>\n"
                out += "      <Accumulated>\(s.accumulated.yuan)</Accumulated><RatePct>\(s.rate.percent)</RatePct>\n"
            } else {
                out += "      <Days>0</Days>\n"
                out += "      <Accumulated>0.00</Accumulated>\n"
            }
            out += "      <Computed>\(line.computed.yuan)</Computed><Claimed>\((line.claimed ?? .zero).yuan)</Claimed><Approved>\(line.approved.yuan)</Approved>\n"
            out += "      <Codes>\(line.codes.joined(separator: " "))</Codes>\n"
            out += "    </Line>\n"
        }
        out += "  </Lines>\n</SubsidyClaim>\n"
        return out
    }
}
