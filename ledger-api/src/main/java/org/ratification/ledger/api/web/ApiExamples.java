package org.ratification.ledger.api.web;

/** Request and response examples shown in the OpenAPI documentation. */
final class ApiExamples {

    private ApiExamples() {}

    static final String RECORDED_AT = "Time travel: the answer as the ledger stated it at this ISO-8601 instant"
            + " (only records recorded at or before it count). Combines with 'asOf'.";

    static final String TREATY =
            """
            {"id":"cybercrime","reference":"XVIII-16",
             "title":"United Nations Convention against Cybercrime",
             "titleFr":"Convention des Nations Unies contre la cybercriminalité","adoptedOn":"2024-12-24",
             "signature":{"opensOn":"2025-10-25","closesOn":"2026-12-31"},
             "entryIntoForce":{"instrumentsRequired":40,"daysAfterThreshold":90,
               "daysAfterLaterInstrument":30,"reioInstrumentsCount":false},
             "denunciation":{"takesEffectAfterMonths":12}}""";

    static final String STATUS =
            """
            {"id":"cybercrime","reference":"XVIII-16","title":"United Nations Convention against Cybercrime",
             "asOf":"2026-12-31","instrumentsRequired":40,"instrumentsCounted":12,"instrumentsDeposited":13,
             "signatories":72,"contracting":13,"parties":0,"thresholdReachedOn":null,
             "thresholdParticipant":null,"entryIntoForceOn":null,"inForce":false,"openForSignature":true,
             "explanation":"12 of 40 instruments counted (instruments of regional economic integration\
             organizations are not counted); 28 more needed. The treaty enters into force on the 90th day after\
             the date of deposit of the 40th instrument."}""";

    static final String PARTICIPANTS =
            """
            [{"participant":"FRA","name":"France","signedOn":"2025-10-25","signedAt":"Hanoi",
              "instrument":{"type":"RATIFICATION","letter":null,"depositedOn":"2026-01-10","recordId":"6f1c…"},
              "entryIntoForceOn":null,"status":"CONTRACTING","denunciationReceivedOn":null,
              "denunciationEffectiveOn":null,"declarations":[],"reservations":[],"territories":[],"amendments":[],
              "signatureLetter":null,"signaturePredecessor":null,"irregularities":[]}]""";

    static final String CSV = "participant,name,signature,instrument,type,entryIntoForce,status,"
            + "denunciationReceived,denunciationEffective,declarations,reservations,irregularities\r\n"
            + "FRA,France,2025-10-25,2026-01-10,RATIFICATION,,CONTRACTING,,,,,\r\n"
            + "NRU,Nauru,,2026-02-01 a,ACCESSION,,CONTRACTING,,,,,\r\n";

    static final String RECORDED =
            """
            {"recordId":"6f1c2a9e-0b7d-4a51-9f0e-2d7c1b3a4e5f","treatyId":"cybercrime","action":"INSTRUMENT",
             "sequence":7,"recordedAt":"2026-01-12T09:30:00.123456Z"}""";

    static final String SIGNATURE = """
            {"participant":"FRA","signedOn":"2025-10-25","place":"Hanoi"}""";

    static final String INSTRUMENT =
            """
            {"participant":"FRA","type":"RATIFICATION","depositedOn":"2026-01-10",
             "declarations":["Designation of the central authority: Ministry of Justice"],"reservations":[]}""";

    static final String ACCESSION =
            """
            {"participant":"NRU","type":"ACCESSION","depositedOn":"2026-02-01"}""";

    static final String DENUNCIATION = """
            {"participant":"FRA","receivedOn":"2030-03-01"}""";

    static final String RESERVATION =
            """
            {"participant":"VNM","kind":"RESERVATION","receivedOn":"2026-02-03",
             "text":"Viet Nam does not consider itself bound by article 63, paragraph 2."}""";

    static final String OBJECTION =
            """
            {"participant":"FRA","kind":"OBJECTION","receivedOn":"2026-05-04",
             "text":"France objects to the reservation made by Viet Nam.",
             "refersTo":"6f1c2a9e-0b7d-4a51-9f0e-2d7c1b3a4e5f"}""";

    static final String WITHDRAWAL =
            """
            {"participant":"VNM","kind":"WITHDRAWAL","receivedOn":"2027-01-15",
             "text":"Viet Nam withdraws its reservation to article 63, paragraph 2.",
             "refersTo":"6f1c2a9e-0b7d-4a51-9f0e-2d7c1b3a4e5f"}""";

    static final String CORRECTION =
            """
            {"recordId":"6f1c2a9e-0b7d-4a51-9f0e-2d7c1b3a4e5f",
             "reason":"The instrument was deposited on 8 January 2026; the record said 10 January.",
             "correction":{"depositedOn":"2026-01-08"}}""";

    static final String RETRACTION =
            """
            {"recordId":"6f1c2a9e-0b7d-4a51-9f0e-2d7c1b3a4e5f",
             "reason":"Recorded under the wrong treaty.","retract":true}""";
}
