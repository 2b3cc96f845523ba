using System.Globalization;

namespace Okr.Core;

/// <summary>
/// The checks a document reader makes on an objective's or key result's own fields (spec section 7), made again when
/// the item is built in code, so that an item is held to the same rules whichever way it was made: a blank or too long
/// id or title and a link given twice are OKR002, a negative or non-finite weight OKR005. Without them a set built in
/// code could count a repeated link twice, or could not be written as a document and read back.
/// Allocates nothing until something is found: documents build hundreds of thousands of items through here.
/// </summary>
/// <param name="what">The item's kind as a message names it ("objective", "key result").</param>
/// <param name="id">The item's id as given (the subject of the findings when it is a usable id).</param>
internal struct ItemFindings(string what, string id)
{
    /// <summary>The longest id a document may give (UTF-16 units).</summary>
    public const int MaxIdLength = 200;

    /// <summary>The longest title a document may give (UTF-16 units).</summary>
    public const int MaxTitleLength = 500;

    private List<OkrDiagnostic>? _found;

    /// <summary>The findings so far, or null when there are none.</summary>
    public readonly OkrErrors? Errors => _found is null ? null : new OkrErrors(_found);

    private readonly bool IdIsUsable => UsableId(id) is not null;

    /// <summary>How messages name the item: "key result 'kr-1'", or "a key result" when its id is not usable.</summary>
    private readonly string Item => IdIsUsable ? $"{what} '{id}'" : WithArticle(what);

    /// <summary>Throws <see cref="ArgumentNullException"/> when an item of <paramref name="items"/> is null: a programmer error.</summary>
    public static void NoNullItems<T>(ValueArray<T> items, string parameterName)
        where T : class
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is null)
            {
                throw new ArgumentNullException(parameterName, $"{parameterName}[{i}] is null.");
            }
        }
    }

    /// <summary>OKR002 when <paramref name="text"/> is empty, blank or longer than <paramref name="maxLength"/>.</summary>
    public void Text(string text, string field, int maxLength, string meaning)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            Add(OkrCodes.Schema, $"The {field} of {Item} is {(text.Length == 0 ? "empty" : "blank")}: give a non-blank {meaning}.");
        }
        else
        {
            Length(text, field, maxLength, meaning);
        }
    }

    /// <summary>OKR002 when <paramref name="text"/> is longer than <paramref name="maxLength"/>.</summary>
    public void Length(string text, string field, int maxLength, string meaning)
    {
        if (text.Length > maxLength)
        {
            Add(OkrCodes.Schema, $"The {field} of {Item} has {text.Length} characters: {WithArticle(meaning)} has at most {maxLength}.");
        }
    }

    /// <summary>OKR004 when a reference (<paramref name="field"/>: an owner or period id) is empty or blank, as in a document.</summary>
    public void Reference(string reference, string field)
    {
        if (string.IsNullOrWhiteSpace(reference))
        {
            Add(OkrCodes.UnknownReference, $"The {field} of {Item} is {(reference.Length == 0 ? "empty" : "blank")}: name an existing {field}.");
        }
    }

    /// <summary>OKR005 when <paramref name="weight"/> is negative, NaN or infinite.</summary>
    public void Weight(double weight)
    {
        if (!OkrGuard.IsWeight(weight))
        {
            Add(OkrCodes.InvalidNumber, $"The weight of {Item} is {weight.ToString(CultureInfo.InvariantCulture)}: a weight is a finite number >= 0 (0 shows the item without counting it).");
        }
    }

    /// <summary>
    /// OKR002 for a link given twice (the same kind of target and id, whatever the weights) and, when
    /// <paramref name="keyResultsOnly"/>, for a link to an objective (a key result aligns only to key results).
    /// </summary>
    public void Links(ReadOnlySpan<AlignmentLink> links, bool keyResultsOnly)
    {
        for (var i = 0; i < links.Length; i++)
        {
            var link = links[i];
            if (keyResultsOnly && link.TargetKind == AlignmentTargetKind.Objective)
            {
                Add(OkrCodes.Schema, $"alignsTo[{i}] of {Item} names objective '{Shortened(link.TargetId)}': a key result aligns only to key results.");
            }
            else if (IsRepeat(links, i))
            {
                Add(OkrCodes.Schema, $"alignsTo[{i}] of {Item} repeats the link to '{Shortened(link.TargetId)}': give each link once.");
            }
        }
    }

    /// <summary>
    /// OKR002 for a checklist item title longer than a title may be (a blank one is the checklist's OKR006). The field's
    /// name is formatted only for a finding: documents build millions of items through here.
    /// </summary>
    public void ChecklistTitles(ReadOnlySpan<ChecklistItem> items)
    {
        for (var i = 0; i < items.Length; i++)
        {
            if (items[i].Title.Length > MaxTitleLength)
            {
                Length(items[i].Title, $"items[{i}].title", MaxTitleLength, "title");
            }
        }
    }

    /// <summary>Adds a finding of <paramref name="code"/> about the item.</summary>
    public void Add(string code, string message)
        => (_found ??= []).Add(OkrDiagnostic.Error(code, IdIsUsable ? id : null, message));

    /// <summary>How a message names an item, e.g. for another finding about it: "key result 'kr-1'", or "a key result" when its id is not usable.</summary>
    public readonly string Named => Item;

    /// <summary>An id (or other text) quoted in a message, cut as the document reader cuts it.</summary>
    internal static string Shortened(string id, int maxLength = MaxIdLength) => id.Length <= maxLength ? id : $"{id[..maxLength]}...";

    /// <summary>The id as a finding's subject: null when it is blank or longer than an id may be.</summary>
    internal static string? UsableId(string? id) => string.IsNullOrWhiteSpace(id) || id.Length > MaxIdLength ? null : id;

    /// <summary>"an objective", "a key result".</summary>
    internal static string WithArticle(string noun) => $"{(noun[0] is 'a' or 'e' or 'i' or 'o' or 'u' ? "an" : "a")} {noun}";

    /// <summary>Whether an earlier link has the same target as link <paramref name="index"/> (an item has a handful of links).</summary>
    private static bool IsRepeat(ReadOnlySpan<AlignmentLink> links, int index)
    {
        for (var earlier = 0; earlier < index; earlier++)
        {
            if (links[earlier].TargetKind == links[index].TargetKind && links[earlier].TargetId == links[index].TargetId)
            {
                return true;
            }
        }

        return false;
    }
}
