import Foundation
import Testing
@testable import ZhubaoCore

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

    @Test func aStoredPayloadWithAnUnknownCodeIsNotRead() {
        let known = #"{"code":"E301","contractNo":"C1","loanNo":"L1","source":"s","detail":"d"}"#
        #expect(Finding(payload: known)?.code == .e301)
        let unknown = #"{"code":"E999","contractNo":"C1","loanNo":"L1","source":"s","detail":"d"}"#
        #expect(Finding(payload: unknown) == nil)
    }
}
