using Okr.Core.Documents;

namespace Okr.Core.Tests.Documents;

public sealed class OkrDocumentReadTests
{
    private static List<string> ErrorsOf(string keyResults) => DocumentTestData.Errors(DocumentTestData.Document(keyResults));

    [Fact]
    public void TryRead_ValidDocument_GivesTheModel()
    {
        var set = OkrDocument.TryRead(DocumentTestData.Document()).AsT0;

        var keyResult = Assert.Single(set.Objectives[0].KeyResults);
        Assert.Equal(KeyResultKind.Increase, keyResult.Kind);
        Assert.Equal(30m, keyResult.Definition.Baseline);
        Assert.Equal(7, keyResult.CheckIns[0].Confidence);
        Assert.Equal(OkrSettings.Default, set.Settings);
    }

    [Fact]
    public void TryRead_SpecExample_ReadsSettingsOwnersAndLinks()
    {
        var set = OkrDocument.TryRead(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Documents", "example.okr.json"))).AsT0;

        Assert.Equal(RuleSeverity.Off, set.Settings.SeverityOverride("OKR201"));
        Assert.Equal("acme", set.Owners[1].ParentId);
        Assert.Equal(AlignmentLink.ToObjective("o-acme", 1), set.Objectives[1].AlignsTo[0]);
        Assert.Equal(2.0m.ToString(System.Globalization.CultureInfo.InvariantCulture), set.Objectives[1].KeyResults[1].Definition.Baseline!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("""{"id": "kr1", "title": "T", "kind": "increase", "baseline": 5, "target": 5}""", "OKR006 kr1")]
    [InlineData("""{"id": "kr1", "title": "T", "kind": "increase", "baseline": 5, "target": 4}""", "OKR006 kr1")]
    [InlineData("""{"id": "kr1", "title": "T", "kind": "decrease", "baseline": 5, "target": 6}""", "OKR006 kr1")]
    [InlineData("""{"id": "kr1", "title": "T", "kind": "within", "min": 6, "max": 5}""", "OKR006 kr1")]
    [InlineData("""{"id": "kr1", "title": "T", "kind": "milestone", "checkIns": [{"at": "2026-10-02", "value": 2}]}""", "OKR006 kr1")]
    [InlineData("""{"id": "kr1", "title": "T", "kind": "checklist", "items": []}""", "OKR006 kr1")]
    [InlineData("""{"id": "kr1", "title": "T", "kind": "checklist", "items": [{"title": "a", "weight": 0}]}""", "OKR006 kr1")]
    [InlineData("""{"id": "kr1", "title": "T", "kind": "checklist", "items": [{"title": " "}]}""", "OKR006 kr1")]
    [InlineData("""{"id": "kr1", "title": "T", "kind": "checklist", "items": [{"weight": 1}]}""", "OKR006 kr1")]
    [InlineData("""{"id": "kr1", "title": "T", "kind": "checklist", "items": [{"title": "a"}], "checkIns": [{"at": "2026-10-02", "value": 1}]}""", "OKR006 kr1")]
    [InlineData("""{"id": "kr1", "title": "T", "kind": "rollup", "aggregate": "mean", "checkIns": [{"at": "2026-10-02", "value": 1}]}""", "OKR006 kr1")]
    [InlineData("""{"id": "kr1", "title": "T", "kind": "rollup", "aggregate": "sum", "baseline": 1, "target": 1}""", "OKR006 kr1")]
    public void TryRead_InvalidDefinition_IsOkr006OnTheKeyResult(string keyResult, string finding)
        => Assert.Equal([finding], ErrorsOf(keyResult));

    [Fact]
    public void TryRead_ChecklistOfOneHundredAndOneItems_IsOkr006()
    {
        var items = string.Join(",", Enumerable.Range(0, 101).Select(i => $$"""{"title": "item {{i}}"}"""));

        Assert.Equal(["OKR006 kr1"], ErrorsOf($$"""{"id": "kr1", "title": "T", "kind": "checklist", "items": [{{items}}]}"""));
    }

    [Theory]
    [InlineData("""{"id": "kr1", "title": "T", "kind": "increase", "baseline": 1, "target": 5, "threshold": 3}""")]
    [InlineData("""{"id": "kr1", "title": "T", "kind": "increase", "baseline": 1, "target": 5, "threshold": null}""")]
    [InlineData("""{"id": "kr1", "title": "T", "kind": "increase", "baseline": 1}""")]
    [InlineData("""{"id": "kr1", "title": "T", "kind": "increase", "baseline": 1, "target": null}""")]
    [InlineData("""{"id": "kr1", "title": "T", "kind": "increase", "baseline": "1", "target": 5}""")]
    [InlineData("""{"id": "kr1", "title": "T", "kind": "Increase", "baseline": 1, "target": 5}""")]
    [InlineData("""{"id": "kr1", "title": "T", "baseline": 1, "target": 5}""")]
    [InlineData("""{"id": "kr1", "title": "T", "kind": "atLeast", "threshold": 1, "checkIns": [{"at": "2026-10-02"}]}""")]
    [InlineData("""{"id": "kr1", "title": "T", "kind": "atLeast", "threshold": 1, "checkIns": [{"at": "2026-10-2", "value": 1}]}""")]
    [InlineData("""{"id": "kr1", "title": "T", "kind": "atLeast", "threshold": 1, "checkIns": [{"at": "2026-02-29", "value": 1}]}""")]
    [InlineData("""{"id": "kr1", "title": "T", "kind": "atLeast", "threshold": 1, "checkIns": [{"at": "2026-10-02", "value": 1, "mood": "ok"}]}""")]
    [InlineData("""{"id": "kr1", "title": "T", "kind": "rollup", "aggregate": "median"}""")]
    [InlineData("""{"id": "kr1", "title": "T", "kind": "rollup", "aggregate": "mean", "baseline": 0}""")]
    [InlineData("""{"id": "kr1", "title": "T", "kind": "rollup", "aggregate": "sum", "baseline": 0}""")]
    [InlineData("""{"id": "kr1", "title": "  ", "kind": "milestone"}""")]
    [InlineData("""{"id": "kr1", "title": "T", "kind": "milestone", "alignsTo": [{"objective": "o1"}]}""")]
    [InlineData("""{"id": "kr1", "title": "T", "kind": "milestone", "checkIns": {}}""")]
    [InlineData("""{"id": "kr1", "title": "T", "title": "U", "kind": "milestone"}""")]
    public void TryRead_SchemaProblemInAKeyResult_IsOkr002OnTheKeyResult(string keyResult)
        => Assert.Equal(["OKR002 kr1"], ErrorsOf(keyResult));

    [Fact]
    public void TryRead_UnknownKind_DoesNotJudgeItsOtherFields()
        => Assert.Equal(["OKR002 kr1"], ErrorsOf("""{"id": "kr1", "title": "T", "kind": "ratio", "numerator": 1, "denominator": 2}"""));

    [Fact]
    public void TryRead_KeyResultWithoutId_ReportsOnItsObjective()
        => Assert.Equal(["OKR002 o1"], ErrorsOf("""{"title": "T", "kind": "milestone"}"""));

    [Fact]
    public void TryRead_IdsAndTitlesAtTheirLimits_AreAccepted()
    {
        var id = new string('k', 200);
        var title = new string('t', 500);

        Assert.Empty(ErrorsOf($$"""{"id": "{{id}}", "title": "{{title}}", "kind": "milestone"}"""));
    }

    [Fact]
    public void TryRead_IdsAndTitlesPastTheirLimits_AreOkr002()
    {
        Assert.Equal(["OKR002 o1"], ErrorsOf($$"""{"id": "{{new string('k', 201)}}", "title": "T", "kind": "milestone"}""").Select(f => f.Length > 20 ? f[..7] + " o1" : f).ToList());
        Assert.Equal(["OKR002 kr1"], ErrorsOf($$"""{"id": "kr1", "title": "{{new string('t', 501)}}", "kind": "milestone"}"""));
    }

    [Theory]
    [InlineData("\"value\": 1e29", "OKR005 kr1")]
    [InlineData("\"value\": 1, \"confidence\": -1", "OKR005 kr1")]
    [InlineData("\"value\": 1, \"confidence\": 6.5", "OKR005 kr1")]
    [InlineData("\"value\": 1, \"confidence\": true", "OKR002 kr1")]
    public void TryRead_BadCheckInNumbers_AreReported(string fields, string finding)
        => Assert.Equal([finding], ErrorsOf($$"""{"id": "kr1", "title": "T", "kind": "atLeast", "threshold": 1, "checkIns": [{"at": "2026-10-02", {{fields}}}]}"""));

    [Fact]
    public void TryRead_ConfidenceSevenPointZero_CountsAsSeven()
    {
        var set = OkrDocument.TryRead(DocumentTestData.Document("""{"id": "kr1", "title": "T", "kind": "atLeast", "threshold": 1, "checkIns": [{"at": "2026-10-02", "value": 1, "confidence": 7.0}]}""")).AsT0;

        Assert.Equal(7, set.Objectives[0].KeyResults[0].CheckIns[0].Confidence);
    }

    [Theory]
    [InlineData("\"weight\": -1")]
    [InlineData("\"weight\": 1e309")]
    public void TryRead_BadWeight_IsOkr005(string weight)
        => Assert.Equal(["OKR005 kr1"], ErrorsOf($$"""{"id": "kr1", "title": "T", "kind": "milestone", {{weight}}}"""));

    [Fact]
    public void TryRead_NullOptionalFields_CountAsAbsent()
    {
        var set = OkrDocument.TryRead(DocumentTestData.Document(
            """{"id": "kr1", "title": "T", "kind": "milestone", "weight": null, "checkIns": null, "alignsTo": null}""",
            objectiveExtra: ", \"commitment\": null, \"progressFrom\": null, \"alignsTo\": null")).AsT0;

        Assert.Equal(1.0, set.Objectives[0].KeyResults[0].Weight);
        Assert.Equal(Commitment.Aspirational, set.Objectives[0].Commitment);
    }

    [Fact]
    public void TryRead_EveryProblemAtOnce_ReportsThemAll()
    {
        var findings = ErrorsOf("""
            {"id": "kr1", "title": "T", "kind": "increase", "baseline": 5, "target": 1, "colour": "red"},
            {"id": "kr2", "title": "T", "kind": "atLeast", "threshold": 1, "weight": -2},
            {"id": "kr1", "title": "T", "kind": "milestone", "alignsTo": [{"keyResult": "nowhere"}]}
            """);

        Assert.Equal(["OKR002 kr1", "OKR003 kr1", "OKR004 kr1", "OKR005 kr2", "OKR006 kr1"], findings);
    }

    [Fact]
    public void TryRead_SameLinkTwice_IsOkr002()
    {
        var extra = """, {"id": "o2", "title": "Help", "owner": "acme", "period": "q4", "alignsTo": [{"objective": "o1"}, {"objective": "o1", "weight": 2}]}""";

        Assert.Equal(["OKR002 o2"], DocumentTestData.Errors(DocumentTestData.Document(extraObjectives: extra)));
    }

    [Theory]
    [InlineData("""{"objective": "o1", "keyResult": "kr1"}""")]
    [InlineData("""{"weight": 1}""")]
    [InlineData("""{"objective": 7}""")]
    public void TryRead_MalformedLink_IsOkr002(string link)
    {
        var extra = $$""", {"id": "o2", "title": "Help", "owner": "acme", "period": "q4", "alignsTo": [{{link}}]}""";

        Assert.Equal(["OKR002 o2"], DocumentTestData.Errors(DocumentTestData.Document(extraObjectives: extra)));
    }

    [Fact]
    public void TryRead_LinkWithNegativeWeightToAnUnknownId_ReportsBoth()
    {
        var extra = """, {"id": "o2", "title": "Help", "owner": "acme", "period": "q4", "alignsTo": [{"objective": "nope", "weight": -1}]}""";

        Assert.Equal(["OKR004 o2", "OKR005 o2"], DocumentTestData.Errors(DocumentTestData.Document(extraObjectives: extra)));
    }

    [Theory]
    [InlineData("""{"objective": "kr1"}""", "OKR004 o2")]
    [InlineData("""{"keyResult": "o1"}""", "OKR004 o2")]
    [InlineData("""{"objective": "o2"}""", "OKR008 o2")]
    public void TryRead_BadAlignment_IsReportedOnTheReferringObjective(string link, string finding)
    {
        var extra = $$""", {"id": "o2", "title": "Help", "owner": "acme", "period": "q4", "alignsTo": [{{link}}]}""";

        Assert.Equal([finding], DocumentTestData.Errors(DocumentTestData.Document(extraObjectives: extra)));
    }

    [Fact]
    public void TryRead_CycleThroughKeyResults_NamesEveryIdOnTheCycle()
    {
        var document = DocumentTestData.Document(
            keyResults: DocumentTestData.DefaultKeyResults,
            objectiveExtra: ", \"alignsTo\": [{\"keyResult\": \"kb\"}]",
            extraObjectives: """, {"id": "o2", "title": "Help", "owner": "acme", "period": "q4", "alignsTo": [{"keyResult": "kr1"}], "keyResults": [{"id": "kb", "title": "T", "kind": "milestone"}]}""");

        var error = Assert.Single(OkrDocument.TryRead(document).AsT1);

        Assert.Equal("OKR008", error.Code);
        Assert.Equal("o1", error.Subject);
        Assert.Contains("o1 -> kb -> o2 -> kr1 -> o1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryRead_SumFedByAMilestone_IsOkr006OnTheSumNamingTheContributor()
    {
        var keyResults = """
            {"id": "sum", "title": "T", "kind": "rollup", "aggregate": "sum", "baseline": 0, "target": 10},
            {"id": "m", "title": "T", "kind": "milestone", "alignsTo": [{"keyResult": "sum", "weight": 0}]}
            """;

        var error = Assert.Single(OkrDocument.TryRead(DocumentTestData.Document(keyResults)).AsT1);

        Assert.Equal(("OKR006", "sum"), (error.Code, error.Subject));
        Assert.Contains("'m'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"aspirationalTarget": 1.5}""")]
    [InlineData("""{"aspirationalTarget": 0}""")]
    [InlineData("""{"onTrackGap": 0.5}""")]
    [InlineData("""{"atRiskGap": 0.1}""")]
    [InlineData("""{"onTrackGap": -0.1}""")]
    [InlineData("""{"atRiskGap": 1.1}""")]
    [InlineData("""{"lowConfidence": 11}""")]
    [InlineData("""{"lowConfidence": 2.5}""")]
    [InlineData("""{"staleAfterDays": -1}""")]
    [InlineData("""{"limits": {"maxDepth": 0}}""")]
    [InlineData("""{"limits": {"minKeyResults": 1.5}}""")]
    [InlineData("""{"rules": {"OKR001": "off"}}""")]
    [InlineData("""{"rules": {"OKR110": "off"}}""")]
    [InlineData("""{"rules": {"OKR201": "loud"}}""")]
    [InlineData("""{"scale": [{"from": 0.1, "label": "low"}]}""")]
    [InlineData("""{"scale": [{"from": 0, "label": "low"}, {"from": 0, "label": "high"}]}""")]
    [InlineData("""{"scale": [{"from": 0, "label": "low"}, {"from": 1.5, "label": "high"}]}""")]
    [InlineData("""{"scale": [{"from": 0, "label": ""}]}""")]
    [InlineData("""{"scale": [{"from": 0, "label": "a"}, {"from": 0.5, "label": "a"}]}""")]
    [InlineData("""{"scale": []}""")]
    public void TryRead_InvalidSettings_IsOkr009WithoutSubject(string settings)
        => Assert.Equal(["OKR009 null"], DocumentTestData.Errors(DocumentTestData.Document(settings: settings)));

    [Fact]
    public void TryRead_IntegerSettingBeyondDecimalRange_SaysOutOfRangeNotASaturatedValue()
    {
        var error = Assert.Single(OkrDocument.TryRead(DocumentTestData.Document(settings: """{"lowConfidence": 1e400}""")).AsT1);

        Assert.Equal("settings.lowConfidence is out of range: use an integer from 0 to 10.", error.Message);
    }

    [Theory]
    [InlineData("""{"objectiveStatus": "strict"}""")]
    [InlineData("""{"lowConfidence": "3"}""")]
    [InlineData("""{"limits": {"maxDepth": 3, "maxWidth": 4}}""")]
    [InlineData("""{"scale": [{"from": 0}]}""")]
    [InlineData("""{"rules": {"OKR201": 0}}""")]
    [InlineData("""{"colour": "blue"}""")]
    public void TryRead_SettingsOfTheWrongShape_IsOkr002(string settings)
        => Assert.Equal(["OKR002 null"], DocumentTestData.Errors(DocumentTestData.Document(settings: settings)));

    [Fact]
    public void TryRead_GivenGapIsCheckedAgainstTheOthersDefault()
    {
        Assert.Empty(DocumentTestData.Errors(DocumentTestData.Document(settings: """{"onTrackGap": 0.3}""")));
        Assert.Equal(["OKR009 null"], DocumentTestData.Errors(DocumentTestData.Document(settings: """{"onTrackGap": 0.31}""")));
    }

    [Fact]
    public void TryRead_HugeLimit_IsAPositiveIntegerWithoutBound()
    {
        var set = OkrDocument.TryRead(DocumentTestData.Document(settings: """{"limits": {"maxObjectivesPerOwner": 1e20}}""")).AsT0;

        Assert.Equal(int.MaxValue, set.Settings.Limits.MaxObjectivesPerOwner);
    }

    [Theory]
    [InlineData("""{"id": "q", "start": "2026-10-01", "end": "2026-09-30"}""", "OKR007 q")]
    [InlineData("""{"id": "q", "start": "2026-10-01"}""", "OKR002 q")]
    [InlineData("""{"id": "q", "start": "20261001", "end": "2026-12-31"}""", "OKR002 q")]
    [InlineData("""{"id": "q", "start": 20261001, "end": "2026-12-31"}""", "OKR002 q")]
    [InlineData("""{"id": "", "start": "2026-10-01", "end": "2026-12-31"}""", "OKR002 null")]
    [InlineData("""{"id": "q4", "start": "2026-10-01", "end": "2026-12-31"}""", "OKR003 q4")]
    public void TryRead_BadPeriod_IsReported(string period, string finding)
    {
        var document = DocumentTestData.Document().Replace(
            "\"periods\": [{\"id\": \"q4\", \"start\": \"2026-10-01\", \"end\": \"2026-12-31\"}]",
            $"\"periods\": [{{\"id\": \"q4\", \"start\": \"2026-10-01\", \"end\": \"2026-12-31\"}}, {period}]",
            StringComparison.Ordinal);

        Assert.Equal([finding], DocumentTestData.Errors(document));
    }

    [Theory]
    [InlineData("""{"id": "t", "parent": "nobody"}""", "OKR004 t")]
    [InlineData("""{"id": "t", "parent": "t"}""", "OKR008 t")]
    [InlineData("""{"id": "acme"}""", "OKR003 acme")]
    [InlineData("""{"id": "t", "manager": "x"}""", "OKR002 t")]
    public void TryRead_BadOwner_IsReported(string owner, string finding)
    {
        var document = DocumentTestData.Document().Replace("{\"id\": \"acme\", \"name\": \"Acme\"}", $"{{\"id\": \"acme\", \"name\": \"Acme\"}}, {owner}", StringComparison.Ordinal);

        Assert.Equal([finding], DocumentTestData.Errors(document));
    }

    [Theory]
    [InlineData(", \"owner\": \"ghost\"", "OKR002 o1")]
    [InlineData(", \"commitment\": \"firm\"", "OKR002 o1")]
    [InlineData(", \"progressFrom\": \"parents\"", "OKR002 o1")]
    public void TryRead_BadObjectiveField_IsReportedOnTheObjective(string extra, string finding)
        => Assert.Equal([finding], DocumentTestData.Errors(DocumentTestData.Document(objectiveExtra: extra)));

    [Fact]
    public void TryRead_UnknownOwnerAndPeriod_AreOkr004()
    {
        var document = DocumentTestData.Document().Replace("\"owner\": \"acme\", \"period\": \"q4\"", "\"owner\": \"ghost\", \"period\": \"q9\"", StringComparison.Ordinal);

        Assert.Equal(["OKR004 o1", "OKR004 o1"], DocumentTestData.Errors(document));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n ")]
    [InlineData("{")]
    [InlineData("{\"schema\": \"okr/v1\",}")]
    [InlineData("// comment\n{}")]
    [InlineData("{\"a\": NaN}")]
    [InlineData("{\"a\": Infinity}")]
    [InlineData("{} {}")]
    [InlineData("{\"a\": \"\\ud800\"}")]
    public void TryRead_NotWellFormedJson_IsOkr001(string text)
        => Assert.Equal(["OKR001 null"], DocumentTestData.Errors(text));

    [Fact]
    public void TryRead_MalformedJson_MessageGivesOneBasedLineAndColumn()
    {
        var error = Assert.Single(OkrDocument.TryRead("{\n  \"schema\": \"okr/v1\",\n  \"periods\": [1,,2]\n}").AsT1);

        Assert.Contains("line 3, column 17", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"schema\": \"okr/v1\",}", "line 1, column 21: a comma follows the last member or element: JSON allows no trailing comma.")]
    [InlineData("{\"periods\": [1, 2,]}", "line 1, column 19: a comma follows the last member or element: JSON allows no trailing comma.")]
    [InlineData("{\"schema\": \"okr/v1\"", "line 1, column 20: the text ends before the document does: a value, '}' or ']' is missing.")]
    [InlineData("{\"schema\": \"okr/v1\",", "line 1, column 20: the text ends before the document does: a value, '}' or ']' is missing.")]
    [InlineData("{\"title\": \"Grow", "line 1, column 16: the text ends before the document does: a value, '}' or ']' is missing.")]
    public void TryRead_CommonSlips_AreWordedForADocumentsAuthor(string text, string ending)
    {
        var error = Assert.Single(OkrDocument.TryRead(text).AsT1);

        Assert.Equal($"The document is not well-formed JSON at {ending}", error.Message);
    }

    [Fact]
    public void TryRead_InvalidUtf8_IsOkr001()
        => Assert.Equal(["OKR001 null"], OkrDocument.TryRead([(byte)'{', (byte)'"', 0xFF, (byte)'"', (byte)':', (byte)'1', (byte)'}']).Match(_ => [], e => DocumentTestData.Findings(e)));

    [Fact]
    public void TryRead_InvalidUtf8_ColumnCountsCharactersAsParserErrorsDo()
    {
        // "é" is two bytes but one character: the bad byte comes 7th on line 2 (8th counting bytes).
        byte[] text = [(byte)'{', (byte)'\n', .. "\"a\":\"é"u8, 0xFF, (byte)'"', (byte)'}'];

        var error = Assert.Single(OkrDocument.TryRead(text).AsT1);

        Assert.Contains("line 2, column 7", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryRead_ByteOrderMark_IsAllowed()
        => Assert.True(OkrDocument.TryRead([0xEF, 0xBB, 0xBF, .. DocumentTestData.Utf8(DocumentTestData.Document())]).IsT0);

    [Theory]
    [InlineData("[]")]
    [InlineData("\"okr\"")]
    [InlineData("{\"schema\": \"okr/v2\", \"periods\": [], \"owners\": [], \"objectives\": []}")]
    [InlineData("{\"schema\": \"okr/v1\", \"periods\": {}, \"owners\": [], \"objectives\": []}")]
    [InlineData("{\"periods\": [], \"owners\": [], \"objectives\": []}")]
    [InlineData("{\"schema\": null, \"periods\": [], \"owners\": [], \"objectives\": []}")]
    public void TryRead_WrongTopLevel_IsOkr002WithoutSubject(string text)
        => Assert.Equal(["OKR002 null"], DocumentTestData.Errors(text));

    [Fact]
    public void Read_InvalidDocument_ThrowsWithTheFindings()
    {
        var exception = Assert.Throws<OkrValidationException>(() => OkrDocument.Read("{}"));

        Assert.All(exception.Errors, e => Assert.Equal(OkrCodes.Schema, e.Code));
    }

    [Fact]
    public void Analyze_DocumentWithErrors_RunsNoQualityRules()
    {
        var analysis = OkrDocument.Analyze(DocumentTestData.Document("""{"id": "kr1", "title": "at least T", "kind": "milestone", "weight": -1}"""), DocumentTestData.AsOf);

        Assert.Equal(["OKR005 kr1"], DocumentTestData.Findings(analysis.Diagnostics));
        Assert.Null(analysis.Evaluation);
        Assert.True(analysis.HasErrors);
    }

    [Theory]
    [InlineData("\"owner\": \"\", \"period\": \"q\"")]
    [InlineData("\"owner\": \" \", \"period\": \"q\"")]
    [InlineData("\"owner\": \"t\", \"period\": \"\"")]
    public void TryRead_BlankOwnerOrPeriodOfAnObjective_IsOkr004NotAnException(string members)
    {
        var json = $$"""{"schema": "okr/v1", "periods": [{"id": "q", "start": "2026-10-01", "end": "2026-12-31"}], "owners": [{"id": "t"}], "objectives": [{"id": "o", "title": "T", {{members}}}]}""";

        var read = OkrDocument.TryRead(json);

        Assert.True(read.IsT1);
        Assert.Equal(["OKR004 o"], read.AsT1.Items.Select(e => $"{e.Code} {e.Subject}"));
    }
}
