import ZhubaoCore

/// The register extract (SI_PART): the whole current record of a borrower on every day it
/// changed — loan approval, contributions paid, pension award, death.
extension GenWorld {
    func makeRegister(_ b: inout GenBorrower, rng: inout GenRandom) {
        var days: [Day] = [b.approvedOn]
        let reversed = Set(b.receipts.compactMap(\.reverses))
        let counted = b.receipts.filter {
            $0.reverses == nil && !reversed.contains($0.ticketNo) && ($0.contractNo == nil || $0.contractNo == b.contractNo)
        }
        for receipt in counted { days.append(min(to, receipt.paidOn + 1 + Int(GenRandom.fnv1a(receipt.ticketNo) % 3))) }
        if let awarded = b.pensionAwardedOn { days.append(awarded) }
        if let reported = b.deathReportedOn { days.append(reported) }
        if b.death == nil, rng.chance(100) { b.personalAccount = Fen(Int64(rng.int(3_000, 40_000)) * 100) }
        let loan = b.approved ? GenLoanApproval(approvalNo: b.approvalNo, approvedOn: b.approvedOn, annual: b.annual,
                                                bank: b.approvalBank, contractNo: b.contractNo, consent: b.consent,
                                                coBorrowers: b.coBorrowers) : nil
        for day in Set(days).sorted() where day <= to {
            let months = counted.filter { $0.paidOn < day }.reduce(b.initialMonths) {
                $0 + GenCalendar.months(from: $1.paid.periodFrom, to: $1.paid.periodTo) + 1
            }
            let awarded = b.pensionAwardedOn.map { $0 <= day } ?? false
            let dead = b.deathReportedOn.map { $0 <= day } ?? false
            b.register.append(GenParticipant(
                asOf: day, person: b.person, insuranceType: b.insuranceType, retirement: b.retirement,
                contributionMonths: months, ssc: b.ssc, loan: loan,
                pension: awarded ? b.pensionAward : nil,
                personalAccount: (b.death == nil || dead) ? b.personalAccount : nil, death: dead ? b.death : nil))
        }
    }

    func pKey(_ record: GenParticipant) -> GenFileKey { GenFileKey(sender: "SI", kind: .participants, date: record.asOf) }
}
