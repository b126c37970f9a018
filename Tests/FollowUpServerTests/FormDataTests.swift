import Testing
@testable import FollowUpServer

@Suite("Form data")
struct FormDataTests {
    @Test("form bodies decode + and %XX as UTF-8, and encode back")
    func roundTrip() {
        let fields = FormData.parse("name=amina&note=%E6%95%B0%E6%8D%AE+plan%3Cb%3E&empty=&flag")
        #expect(fields["name"] == "amina")
        #expect(fields["note"] == "数据 plan<b>")
        #expect(fields["empty"] == "")
        #expect(fields["flag"] == "")
        #expect(
            FormData.decode(Substring(FormData.encode("E/2020/31 DR-I ¶23 & more+"))) == "E/2020/31 DR-I ¶23 & more+")
    }
}
