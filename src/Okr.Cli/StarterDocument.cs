using System.Globalization;
using Okr.Core;

namespace Okr.Cli;

/// <summary>
/// The document <c>okr init</c> writes: small and realistic, for the current quarter, with check-ins dated today,
/// so that scoring it today gives no findings.
/// </summary>
internal static class StarterDocument
{
    public static string For(DateOnly today)
    {
        var quarter = ((today.Month - 1) / 3) + 1;
        var period = Period.Quarter(today.Year, quarter);
        return Template
            .Replace("{PERIOD}", period.Id, StringComparison.Ordinal)
            .Replace("{START}", period.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{END}", period.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{TODAY}", today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    private const string Template = """
        {
          "schema": "okr/v1",
          "periods": [
            {"id": "{PERIOD}", "start": "{START}", "end": "{END}"}
          ],
          "owners": [
            {"id": "company", "name": "Our company"},
            {"id": "product", "name": "Product team", "parent": "company"}
          ],
          "objectives": [
            {
              "id": "o-customers",
              "title": "Become the tool customers recommend",
              "owner": "company",
              "period": "{PERIOD}",
              "progressFrom": "both",
              "keyResults": [
                {"id": "kr-nps", "title": "Raise NPS from 31 to 45", "kind": "increase", "baseline": 31, "target": 45,
                 "checkIns": [{"at": "{TODAY}", "value": 38, "confidence": 6}]},
                {"id": "kr-churn", "title": "Cut monthly churn from 4% to 2%", "kind": "decrease", "baseline": 4, "target": 2,
                 "checkIns": [{"at": "{TODAY}", "value": 3, "confidence": 5}]}
              ]
            },
            {
              "id": "o-onboarding",
              "title": "Make the first day delightful",
              "owner": "product",
              "period": "{PERIOD}",
              "alignsTo": [{"objective": "o-customers"}],
              "keyResults": [
                {"id": "kr-activation", "title": "Grow week-one activation from 40% to 60%", "kind": "increase", "baseline": 40, "target": 60,
                 "checkIns": [{"at": "{TODAY}", "value": 52, "confidence": 7}]},
                {"id": "kr-tickets", "title": "Keep onboarding tickets per week under 20", "kind": "atMost", "threshold": 20,
                 "checkIns": [{"at": "{TODAY}", "value": 18}]}
              ]
            }
          ]
        }

        """;
}
