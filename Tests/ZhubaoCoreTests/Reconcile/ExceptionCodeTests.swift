import Foundation
import Testing
@testable import ZhubaoCore
import ZhubaoSystem

/// The exception codes as an enum (issue 13): the catalogue has an entry for every code (a
/// total switch), the raw values are the codes as written, and a stored code outside the
/// catalogue is refused, not a crash.
struct ExceptionCodeTests {
    @Test func everyCodeHasItsOwnCatalogueEntry() {
        #expect(ExceptionCode.allCases.count == 33)
        for code in ExceptionCode.allCases {
            #expect(Catalogue.entry(code).code == code, "\(code)")
            #expect(ExceptionCode(rawValue: code.rawValue) == code)
            #expect("\(code)" == code.rawValue)
        }
        #expect(Catalogue.codes.map(\.rawValue) == Catalogue.codes.map(\.rawValue).sorted())
    }

    @Test func ownersAreSpelledAsBefore() {
        #expect(Owner.allCases.map(\.rawValue) == ["sender", "SI", "BANK", "TAX", "CZ"])
        #expect(Catalogue.entry(.e203).owner == .bank && Catalogue.entry(.e410).owner == .finance)
        #expect([ExceptionCode.e503, .e501].joined(separator: " ") == "E503 E501")
    }

    /// ZhubaoSystem's `Diagnostic.Code` is the part of the catalogue a diagnostic carries:
    /// each case is the catalogue's code of the same spelling, and back.
    @Test func diagnosticCodesAreCatalogueCodes() {
        for code in Diagnostic.Code.allCases {
            #expect(ExceptionCode(code).rawValue == code.rawValue && "\(code)" == code.rawValue)
            #expect(Diagnostic.Code(ExceptionCode(code)) == code)
        }
        #expect(ExceptionCode.allCases.compactMap(Diagnostic.Code.init) == [.e001, .e003])
        #expect(Diagnostic.error("m", at: Location(file: "F")).code == .e001)
    }

    /// The catalogue's table: a row's key names the fields the key is built from.
    @Test func catalogueKeysAreTheirFields() {
        #expect(Catalogue.entry(.e004).keyFields == [.file, .ticketNo, .loanNo, .txnNo, .idNumber])
        #expect(Catalogue.entry(.e206).keyFields == [.contractNo] && Catalogue.entry(.e207).keyFields == [.contractNo, .loanNo])
        #expect(Catalogue.entry(.e402).keyFields == [.loanNo, .txnNo] && Catalogue.entry(.e505).keyFields == [.loanNo, .year])
        #expect(Catalogue.entry(.e503).severity == .info && Catalogue.entry(.e305).owner == .socialInsurance)
    }

    @Test func aStoredPayloadWithAnUnknownCodeIsNotRead() {
        let known = #"{"code":"E301","contractNo":"C1","loanNo":"L1","source":"s","detail":"d"}"#
        #expect(Finding(payload: known)?.code == .e301)
        let unknown = #"{"code":"E999","contractNo":"C1","loanNo":"L1","source":"s","detail":"d"}"#
        #expect(Finding(payload: unknown) == nil)
    }
}
