using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Okr.Core.Documents;

/// <summary>
/// The fast path of <see cref="DocumentReader"/>: reads a document in one forward pass of
/// <see cref="Utf8JsonReader"/> straight into the model, building no paths and no messages. It gives up at the first
/// thing that would be a finding (or that it does not expect), and <see cref="DocumentReader"/> then reads the
/// document again the thorough way to report every finding. So it only ever accepts what the thorough reader accepts
/// without a finding, and builds the same set and the same <see cref="TopologySpec"/> from it.
/// </summary>
internal sealed class FastDocumentReader
{
    // Member bits, to catch duplicates, unknown members and missing required ones with one mask per object.
    private const int Id = 1, Title = 2, Kind = 4, Weight = 8, CheckIns = 16, AlignsTo = 32;
    private const int Baseline = 64, Target = 128, Threshold = 256, Min = 512, Max = 1024, Items = 2048, Aggregate = 4096;
    private const int KeyResultCommon = Id | Title | Kind | Weight | CheckIns | AlignsTo;

    private static readonly byte[][] KindNames = [.. Enum.GetValues<KeyResultKind>().Select(k => Encoding.UTF8.GetBytes(KeyResultKinds.ToName(k)))];
    private static readonly byte[][] CommitmentNames = [.. "aspirational committed".Split(' ').Select(Encoding.UTF8.GetBytes)];
    private static readonly byte[][] ProgressNames = [.. "keyResults children both".Split(' ').Select(Encoding.UTF8.GetBytes)];
    private static readonly byte[][] AggregateNames = [.. "mean sum".Split(' ').Select(Encoding.UTF8.GetBytes)];

    // The topology is only needed to check the graph; a caller that compiles right away checks it there.
    private readonly TopologySpec? _spec;
    private readonly List<Period> _periods = [];
    private readonly List<Owner> _owners = [];
    private readonly List<Objective> _objectives = [];
    private readonly List<(string? Id, KeyResultKind Kind, RollupAggregate? Aggregate, LinkSpec[] Links)> _keyResultSpecs = [];
    private readonly List<KeyResult> _keyResults = [];
    private readonly List<CheckIn> _checkIns = [];
    private readonly List<LinkSpec> _linkSpecs = [];
    private readonly List<AlignmentLink> _links = [];
    private OkrSettings _settings = OkrSettings.Default;
    private int _items;

    // The reading of the second half of the objectives on another core, until taken or cancelled.
    private LaterObjectives? _later;
    private bool _laterTaken;

    private FastDocumentReader(bool withTopology) => _spec = withTopology ? new() : null;

    /// <summary>Thrown (and caught below) where the thorough reader would report something.</summary>
    private sealed class GiveUpException : Exception
    {
    }

    /// <summary>Reads a document without findings (before graph validation), on one core; false when the thorough reader must read it.</summary>
    public static bool TryRead(ReadOnlySpan<byte> utf8, bool withTopology, out (List<Period> Periods, List<Owner> Owners, List<Objective> Objectives, OkrSettings Settings, TopologySpec? Spec) result)
        => TryRead(utf8, default, withTopology, out result);

    /// <summary>Reads a document without findings (before graph validation); false when the thorough reader must read it.</summary>
    /// <param name="utf8">The document.</param>
    /// <param name="shared">The same bytes as memory, or empty: then a large document is read on two cores (see <see cref="LaterObjectives"/>).</param>
    /// <param name="withTopology">Whether to build the <see cref="TopologySpec"/> for checking the graph.</param>
    /// <param name="result">What was read.</param>
    public static bool TryRead(ReadOnlySpan<byte> utf8, ReadOnlyMemory<byte> shared, bool withTopology, out (List<Period> Periods, List<Owner> Owners, List<Objective> Objectives, OkrSettings Settings, TopologySpec? Spec) result)
    {
        result = default;
        if (utf8.StartsWith("\uFEFF"u8))
        {
            utf8 = utf8[3..];
            shared = shared.IsEmpty ? shared : shared[3..];
        }

        // A large document's second half is checked (UTF-8) and read on another core from the start; this thread
        // checks the first half, and also the second unless it takes the other core's objectives. (What it reads
        // before that check is thrown away if the check fails.)
        var later = withTopology ? null : LaterObjectives.TryStart(shared);
        var reader = new FastDocumentReader(withTopology) { _later = later };
        var checkedTo = later?.Start ?? utf8.Length;
        try
        {
            if (!Utf8.IsValid(utf8[..checkedTo]))
            {
                return false;
            }

            var json = new Utf8JsonReader(utf8);
            reader.ReadDocument(ref json, utf8);
        }
        catch (Exception ex) when (ex is GiveUpException or JsonException or InvalidOperationException or OkrValidationException)
        {
            // Malformed JSON, a bad escape (GetString throws) or anything the thorough reader reports (a record the
            // model refuses included).
            return false;
        }
        finally
        {
            reader._later?.Cancel();
        }

        if (!reader._laterTaken && !Utf8.IsValid(utf8[checkedTo..]))
        {
            return false;
        }

        result = (reader._periods, reader._owners, reader._objectives, reader._settings, reader._spec);
        return true;
    }

    private static void Expect(bool condition)
    {
        if (!condition)
        {
            throw new GiveUpException();
        }
    }

    private void ReadDocument(ref Utf8JsonReader json, ReadOnlySpan<byte> utf8)
    {
        Expect(json.Read() && json.TokenType == JsonTokenType.StartObject);
        var seen = 0;
        while (NextMember(ref json, out var name))
        {
            if (name.SequenceEqual("schema"u8))
            {
                Mark(ref seen, 1);
                Read(ref json);
                Expect(json.TokenType == JsonTokenType.String && json.ValueTextEquals("okr/v1"u8));
            }
            else if (name.SequenceEqual("settings"u8))
            {
                Mark(ref seen, 2);
                Read(ref json);
                if (json.TokenType != JsonTokenType.Null)
                {
                    // Small and rare: the thorough reader's own code reads it.
                    Expect(json.TokenType == JsonTokenType.StartObject);
                    var start = (int)json.TokenStartIndex;
                    json.Skip();
                    var settings = DocumentReader.ReadSettingsAlone(utf8[start..(int)json.BytesConsumed]);
                    Expect(settings is not null);
                    _settings = settings!;
                }
            }
            else if (name.SequenceEqual("periods"u8))
            {
                Mark(ref seen, 4);
                ReadArray(ref json, ReadPeriod);
            }
            else if (name.SequenceEqual("owners"u8))
            {
                Mark(ref seen, 8);
                ReadArray(ref json, ReadOwner);
            }
            else if (name.SequenceEqual("objectives"u8))
            {
                Mark(ref seen, 16);
                if (ReadObjectives(ref json, utf8))
                {
                    // The rest of the array and the end of the document were read on the other core.
                    Expect((seen & (1 | 4 | 8 | 16)) == (1 | 4 | 8 | 16));
                    return;
                }
            }
            else
            {
                Expect(false);
            }
        }

        // Required: schema, periods, owners, objectives. Nothing may follow the document's object.
        Expect((seen & (1 | 4 | 8 | 16)) == (1 | 4 | 8 | 16));
        Expect(!json.Read());
    }

    /// <summary>
    /// Reads the <c>objectives</c> array. In a large document the second half is read on another core, from the first
    /// objective found after the middle (<see cref="LaterObjectives"/>). This reader accepts that work only when it
    /// arrives at that very byte as the start of an element of the array, and the array is the document's last member:
    /// then it returns true and has read the whole document. Otherwise it reads on by itself.
    /// </summary>
    private bool ReadObjectives(ref Utf8JsonReader json, ReadOnlySpan<byte> utf8)
    {
        Read(ref json);
        Expect(json.TokenType == JsonTokenType.StartArray);
        while (NextElement(ref json))
        {
            if (_later is { } later && json.TokenStartIndex >= later.Start)
            {
                _later = null;
                if (json.TokenStartIndex == later.Start && later.TryJoin(out var objectives, out var arrayEnd) && IsDocumentEnd(utf8, arrayEnd + 1))
                {
                    _objectives.AddRange(objectives);
                    _laterTaken = true;
                    return true;
                }

                later.Cancel();
            }

            ReadObjective(ref json);
        }

        return false;
    }

    /// <summary>Whether only the document object's closing brace (and white space) follows <paramref name="from"/>.</summary>
    private static bool IsDocumentEnd(ReadOnlySpan<byte> utf8, int from)
    {
        var at = SkipWhiteSpace(utf8, from);
        return at < utf8.Length && utf8[at] == (byte)'}' && SkipWhiteSpace(utf8, at + 1) == utf8.Length;
    }

    /// <summary>The first index from <paramref name="at"/> that is not JSON white space.</summary>
    private static int SkipWhiteSpace(ReadOnlySpan<byte> utf8, int at)
    {
        var rest = utf8[at..].IndexOfAnyExcept(" \t\r\n"u8);
        return rest < 0 ? utf8.Length : at + rest;
    }

    /// <summary>
    /// The objectives of the second half of a large document, read on a pool thread. A reader cannot start in the
    /// middle of a document, but it can start at an element of the objectives array, which is a JSON object on its
    /// own: so each element is read with a fresh reader, and the commas between them are checked here. Where that
    /// element is, is a guess (the first <c>{</c> after the middle that reads as a whole objective); the main reader
    /// checks it when it gets there.
    /// </summary>
    private sealed class LaterObjectives
    {
        /// <summary>Smaller documents are read on one core: a thread hand-over would cost more than it saves.</summary>
        private const int MinBytes = 4 << 20;

        private readonly ReadOnlyMemory<byte> _utf8;
        private readonly Task<int> _read;
        private readonly FastDocumentReader _reader = new(withTopology: false);
        private volatile bool _cancelled;

        private LaterObjectives(ReadOnlyMemory<byte> utf8, int start)
        {
            (_utf8, Start) = (utf8, start);
            _read = Task.Run(ReadToArrayEnd);
        }

        /// <summary>Where the first objective read here starts.</summary>
        public int Start { get; }

        /// <summary>Starts reading from the first objective after the middle of the document, when that is worth it.</summary>
        public static LaterObjectives? TryStart(ReadOnlyMemory<byte> utf8)
        {
            if (utf8.Length < MinBytes || Environment.ProcessorCount < 2 || SecondCore.OneCoreRequested)
            {
                return null;
            }

            // Try each '{' after the middle (a few objects of key results or check-ins fail quickly) until one reads
            // as an objective followed by ',' or ']'. Not finding one in the next megabyte is not worth going on.
            var span = utf8.Span;
            var from = utf8.Length / 2;
            var probe = new FastDocumentReader(withTopology: false);
            for (var tries = 0; tries < 1000 && from < utf8.Length - 1 && from < (utf8.Length / 2) + (1 << 20); tries++)
            {
                var brace = span[from..].IndexOf((byte)'{');
                if (brace < 0)
                {
                    return null;
                }

                var start = from + brace;
                if (probe.TryReadElement(span, start, out _))
                {
                    return new LaterObjectives(utf8, start);
                }

                from = start + 1;
            }

            return null;
        }

        /// <summary>Stops the reading (at the next element) and waits for it: the caller may release the memory once this returns.</summary>
        public void Cancel()
        {
            _cancelled = true;
            ((IAsyncResult)_read).AsyncWaitHandle.WaitOne();
        }

        /// <summary>Waits for the objectives from <see cref="Start"/> to the array's end; false when they did not read.</summary>
        public bool TryJoin(out List<Objective> objectives, out int arrayEnd)
        {
            arrayEnd = _read.GetAwaiter().GetResult();
            objectives = _reader._objectives;
            return arrayEnd >= 0;
        }

        /// <summary>Checks the UTF-8 from <see cref="Start"/> on, then reads elements up to the array's closing bracket and gives its index; -1 when the bytes are not valid UTF-8, not such an array, or reading was cancelled.</summary>
        private int ReadToArrayEnd()
        {
            var utf8 = _utf8.Span;
            if (!Utf8.IsValid(utf8[Start..]))
            {
                return -1;
            }

            var at = Start;
            while (!_cancelled && _reader.TryReadElement(utf8, at, out var next))
            {
                if (utf8[next] == (byte)']')
                {
                    return next;
                }

                at = SkipWhiteSpace(utf8, next + 1);
            }

            return -1;
        }
    }

    /// <summary>
    /// Reads the objective at <paramref name="start"/> with a reader of its own, and gives the index of the ',' or ']'
    /// that follows it; false when it is not an objective without findings so followed.
    /// </summary>
    private bool TryReadElement(ReadOnlySpan<byte> utf8, int start, out int next)
    {
        next = -1;
        try
        {
            var json = new Utf8JsonReader(utf8[start..]);
            Expect(json.Read() && json.TokenType == JsonTokenType.StartObject);
            ReadObjective(ref json);
            next = SkipWhiteSpace(utf8, start + (int)json.BytesConsumed);
            return next < utf8.Length && utf8[next] is (byte)',' or (byte)']';
        }
        catch (Exception ex) when (ex is GiveUpException or JsonException or InvalidOperationException or OkrValidationException)
        {
            return false;
        }
    }

    private delegate void ElementReader(ref Utf8JsonReader json);

    /// <summary>Reads a required array whose elements are objects.</summary>
    private static void ReadArray(ref Utf8JsonReader json, ElementReader read)
    {
        Read(ref json);
        Expect(json.TokenType == JsonTokenType.StartArray);
        while (NextElement(ref json))
        {
            read(ref json);
        }
    }

    private void ReadPeriod(ref Utf8JsonReader json)
    {
        string? id = null;
        DateOnly start = default, end = default;
        var seen = 0;
        while (NextMember(ref json, out var name))
        {
            if (name.SequenceEqual("id"u8))
            {
                Mark(ref seen, Id);
                id = Text(ref json, DocumentReader.MaxIdLength);
            }
            else if (name.SequenceEqual("start"u8))
            {
                Mark(ref seen, 2);
                start = Date(ref json);
            }
            else if (name.SequenceEqual("end"u8))
            {
                Mark(ref seen, 4);
                end = Date(ref json);
            }
            else
            {
                Expect(false);
            }
        }

        Expect(seen == 7 && end >= start);
        _spec?.PeriodIds.Add(id);
        _periods.Add(Period.Create(id!, start, end));
    }

    private void ReadOwner(ref Utf8JsonReader json)
    {
        string? id = null, displayName = null, parent = null;
        var seen = 0;
        while (NextMember(ref json, out var name))
        {
            if (name.SequenceEqual("id"u8))
            {
                Mark(ref seen, Id);
                id = Text(ref json, DocumentReader.MaxIdLength);
            }
            else if (name.SequenceEqual("name"u8))
            {
                Mark(ref seen, 2);
                displayName = OptionalString(ref json);
            }
            else if (name.SequenceEqual("parent"u8))
            {
                Mark(ref seen, 4);
                parent = OptionalString(ref json);
            }
            else
            {
                Expect(false);
            }
        }

        Expect(id is not null);
        _spec?.Owners.Add(new OwnerSpec(id, parent));
        _owners.Add(new Owner(id!, displayName, parent));
    }

    private void ReadObjective(ref Utf8JsonReader json)
    {
        string? id = null, title = null, owner = null, period = null;
        int? commitment = null, progress = null;
        (LinkSpec[] Specs, AlignmentLink[] Links) links = ([], []);
        var objectiveItem = _items;
        _keyResultSpecs.Clear();
        _keyResults.Clear();
        var seen = 0;
        while (NextMember(ref json, out var name))
        {
            if (name.SequenceEqual("id"u8))
            {
                Mark(ref seen, Id);
                id = Text(ref json, DocumentReader.MaxIdLength);
            }
            else if (name.SequenceEqual("title"u8))
            {
                Mark(ref seen, Title);
                title = Text(ref json, DocumentReader.MaxTitleLength);
            }
            else if (name.SequenceEqual("owner"u8))
            {
                Mark(ref seen, 4);
                owner = OptionalString(ref json);
            }
            else if (name.SequenceEqual("period"u8))
            {
                Mark(ref seen, 8);
                period = OptionalString(ref json);
            }
            else if (name.SequenceEqual("commitment"u8))
            {
                Mark(ref seen, 16);
                commitment = Choice(ref json, CommitmentNames);
            }
            else if (name.SequenceEqual("progressFrom"u8))
            {
                Mark(ref seen, 32);
                progress = Choice(ref json, ProgressNames);
            }
            else if (name.SequenceEqual("alignsTo"u8))
            {
                Mark(ref seen, 64);
                links = ReadLinks(ref json, forKeyResult: false);
            }
            else if (name.SequenceEqual("keyResults"u8))
            {
                Mark(ref seen, 128);
                Read(ref json);
                if (json.TokenType != JsonTokenType.Null)
                {
                    Expect(json.TokenType == JsonTokenType.StartArray);
                    while (NextElement(ref json))
                    {
                        ReadKeyResult(ref json, objectiveItem);
                    }
                }
            }
            else
            {
                Expect(false);
            }
        }

        Expect(id is not null && title is not null && !string.IsNullOrWhiteSpace(owner) && !string.IsNullOrWhiteSpace(period));

        // The objective's item comes before its key results', whatever the member order.
        if (_spec is not null)
        {
            var item = _spec.AddObjective(id, owner, period, links.Specs);
            foreach (var keyResult in _keyResultSpecs)
            {
                _spec.AddKeyResult(keyResult.Id, item, keyResult.Kind, keyResult.Aggregate, keyResult.Links);
            }
        }

        _items += 1 + _keyResults.Count;
        _objectives.Add(new Objective(id!, title!, owner!, period!, _keyResults, (Commitment)(commitment ?? 0), (ProgressSource)(progress ?? 0), links.Links));
    }

    private void ReadKeyResult(ref Utf8JsonReader json, int objectiveItem)
    {
        string? id = null, title = null;
        int? kind = null, aggregate = null;
        double weight = 1;
        decimal baseline = 0, target = 0, threshold = 0, min = 0, max = 0;
        List<ChecklistItem>? items = null;
        (LinkSpec[] Specs, AlignmentLink[] Links) links = ([], []);
        _checkIns.Clear();
        var seen = 0;
        var given = 0;
        while (NextMember(ref json, out var name))
        {
            // Record which non-null members were given: a null optional member counts as absent.
            if (name.SequenceEqual("id"u8))
            {
                Mark(ref seen, Id);
                id = Text(ref json, DocumentReader.MaxIdLength);
            }
            else if (name.SequenceEqual("title"u8))
            {
                Mark(ref seen, Title);
                title = Text(ref json, DocumentReader.MaxTitleLength);
            }
            else if (name.SequenceEqual("kind"u8))
            {
                Mark(ref seen, Kind);
                kind = Choice(ref json, KindNames);
            }
            else if (name.SequenceEqual("weight"u8))
            {
                Mark(ref seen, Weight);
                weight = OptionalWeight(ref json);
            }
            else if (name.SequenceEqual("checkIns"u8))
            {
                Mark(ref seen, CheckIns);
                ReadCheckIns(ref json);
            }
            else if (name.SequenceEqual("alignsTo"u8))
            {
                Mark(ref seen, AlignsTo);
                links = ReadLinks(ref json, forKeyResult: true);
            }
            else if (name.SequenceEqual("baseline"u8))
            {
                Mark(ref seen, Baseline);
                given |= Measured(ref json, ref baseline) ? Baseline : 0;
            }
            else if (name.SequenceEqual("target"u8))
            {
                Mark(ref seen, Target);
                given |= Measured(ref json, ref target) ? Target : 0;
            }
            else if (name.SequenceEqual("threshold"u8))
            {
                Mark(ref seen, Threshold);
                given |= Measured(ref json, ref threshold) ? Threshold : 0;
            }
            else if (name.SequenceEqual("min"u8))
            {
                Mark(ref seen, Min);
                given |= Measured(ref json, ref min) ? Min : 0;
            }
            else if (name.SequenceEqual("max"u8))
            {
                Mark(ref seen, Max);
                given |= Measured(ref json, ref max) ? Max : 0;
            }
            else if (name.SequenceEqual("items"u8))
            {
                Mark(ref seen, Items);
                items = ReadChecklistItems(ref json);
            }
            else if (name.SequenceEqual("aggregate"u8))
            {
                Mark(ref seen, Aggregate);
                aggregate = Choice(ref json, AggregateNames);
            }
            else
            {
                Expect(false);
            }
        }

        Expect(id is not null && title is not null && kind is not null);
        var known = (KeyResultKind)kind!.Value;

        // The kind's fields: all required, and no other kind's field may be present (null included).
        var (fields, definition) = known switch
        {
            KeyResultKind.Increase => (Baseline | Target, KeyResultDefinition.Increase(baseline, target)),
            KeyResultKind.Decrease => (Baseline | Target, KeyResultDefinition.Decrease(baseline, target)),
            KeyResultKind.AtLeast => (Threshold, KeyResultDefinition.AtLeast(threshold)),
            KeyResultKind.AtMost => (Threshold, KeyResultDefinition.AtMost(threshold)),
            KeyResultKind.Within => (Min | Max, KeyResultDefinition.Within(min, max)),
            KeyResultKind.Milestone => (0, KeyResultDefinition.Milestone()),
            KeyResultKind.Checklist => (Items, items is null ? null : KeyResultDefinition.Checklist(items)),
            _ when aggregate == (int)RollupAggregate.Mean => (Aggregate, KeyResultDefinition.RollupMean()),
            _ when aggregate == (int)RollupAggregate.Sum => (Aggregate | Baseline | Target, KeyResultDefinition.RollupSum(baseline, target)),
            _ => (0, null),
        };
        Expect(definition is not null && (seen & ~(KeyResultCommon | fields)) == 0 && ((given | (items is null ? 0 : Items) | (aggregate is null ? 0 : Aggregate)) & fields) == fields);

        if (_spec is not null)
        {
            _keyResultSpecs.Add((id, known, definition!.Aggregate, links.Specs));
        }

        var keyResult = KeyResult.TryCreate(id!, title!, definition!, weight, _checkIns, links.Links);
        Expect(keyResult.IsT0);
        _keyResults.Add(keyResult.AsT0);
    }

    private void ReadCheckIns(ref Utf8JsonReader json)
    {
        Read(ref json);
        if (json.TokenType == JsonTokenType.Null)
        {
            return;
        }

        Expect(json.TokenType == JsonTokenType.StartArray);
        while (NextElement(ref json))
        {
            DateOnly at = default;
            decimal value = 0;
            int? confidence = null;
            string? note = null;
            var seen = 0;
            var given = 0;
            while (NextMember(ref json, out var name))
            {
                if (name.SequenceEqual("at"u8))
                {
                    Mark(ref seen, 1);
                    at = Date(ref json);
                }
                else if (name.SequenceEqual("value"u8))
                {
                    Mark(ref seen, 2);
                    given |= Measured(ref json, ref value) ? 2 : 0;
                }
                else if (name.SequenceEqual("confidence"u8))
                {
                    Mark(ref seen, 4);
                    confidence = Confidence(ref json);
                }
                else if (name.SequenceEqual("note"u8))
                {
                    Mark(ref seen, 8);
                    note = OptionalString(ref json);
                }
                else
                {
                    Expect(false);
                }
            }

            Expect((seen & 1) != 0 && given == 2);
            _checkIns.Add(new CheckIn(at, value, confidence, note));
        }
    }

    private static List<ChecklistItem>? ReadChecklistItems(ref Utf8JsonReader json)
    {
        Read(ref json);
        if (json.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        Expect(json.TokenType == JsonTokenType.StartArray);
        var items = new List<ChecklistItem>();
        while (NextElement(ref json))
        {
            string? title = null;
            double weight = 1;
            DateOnly? doneOn = null;
            var seen = 0;
            while (NextMember(ref json, out var name))
            {
                if (name.SequenceEqual("title"u8))
                {
                    Mark(ref seen, 1);
                    title = OptionalString(ref json);
                    Expect(title is not { Length: > DocumentReader.MaxTitleLength });
                }
                else if (name.SequenceEqual("weight"u8))
                {
                    Mark(ref seen, 2);
                    weight = OptionalWeight(ref json);
                }
                else if (name.SequenceEqual("doneOn"u8))
                {
                    Mark(ref seen, 4);
                    Read(ref json);
                    doneOn = json.TokenType == JsonTokenType.Null ? null : DateValue(ref json);
                }
                else
                {
                    Expect(false);
                }
            }

            // A missing or blank title is judged with the rest of the checklist (OKR006), as the thorough reader does.
            items.Add(new ChecklistItem(title ?? string.Empty, weight, doneOn));
        }

        return items;
    }

    private (LinkSpec[] Specs, AlignmentLink[] Links) ReadLinks(ref Utf8JsonReader json, bool forKeyResult)
    {
        Read(ref json);
        if (json.TokenType == JsonTokenType.Null)
        {
            return ([], []);
        }

        Expect(json.TokenType == JsonTokenType.StartArray);
        _linkSpecs.Clear();
        _links.Clear();
        while (NextElement(ref json))
        {
            string? objective = null, keyResult = null;
            double weight = 1;
            var seen = 0;
            while (NextMember(ref json, out var name))
            {
                if (!forKeyResult && name.SequenceEqual("objective"u8))
                {
                    Mark(ref seen, 1);
                    objective = OptionalString(ref json);
                }
                else if (name.SequenceEqual("keyResult"u8))
                {
                    Mark(ref seen, 2);
                    keyResult = OptionalString(ref json);
                }
                else if (name.SequenceEqual("weight"u8))
                {
                    Mark(ref seen, 4);
                    weight = OptionalWeight(ref json);
                }
                else
                {
                    Expect(false);
                }
            }

            // Exactly one non-blank target, each link once.
            Expect((objective is null) != (keyResult is null));
            var (kind, target) = objective is not null ? (AlignmentTargetKind.Objective, objective) : (AlignmentTargetKind.KeyResult, keyResult!);
            Expect(!string.IsNullOrWhiteSpace(target));
            foreach (var earlier in _links)
            {
                Expect(earlier.TargetKind != kind || !string.Equals(earlier.TargetId, target, StringComparison.Ordinal));
            }

            if (_spec is not null)
            {
                _linkSpecs.Add(new LinkSpec(kind, target, weight));
            }

            _links.Add(kind == AlignmentTargetKind.Objective ? AlignmentLink.ToObjective(target, weight) : AlignmentLink.ToKeyResult(target, weight));
        }

        return ([.. _linkSpecs], [.. _links]);
    }

    /// <summary>Moves to the next member of the current object and gives its name; false at its end.</summary>
    private static bool NextMember(ref Utf8JsonReader json, out ReadOnlySpan<byte> name)
    {
        Read(ref json);
        name = default;
        if (json.TokenType == JsonTokenType.EndObject)
        {
            return false;
        }

        // An escaped name ("\u0069d") is rare enough to leave to the thorough reader.
        Expect(json.TokenType == JsonTokenType.PropertyName && !json.ValueIsEscaped);
        name = json.ValueSpan;
        return true;
    }

    /// <summary>Moves into the next element of the current array, which must be an object; false at its end.</summary>
    private static bool NextElement(ref Utf8JsonReader json)
    {
        Read(ref json);
        if (json.TokenType == JsonTokenType.EndArray)
        {
            return false;
        }

        Expect(json.TokenType == JsonTokenType.StartObject);
        return true;
    }

    private static void Read(ref Utf8JsonReader json) => Expect(json.Read());

    private static void Mark(ref int seen, int bit)
    {
        // A member given twice is a finding.
        Expect((seen & bit) == 0);
        seen |= bit;
    }

    /// <summary>A required id or title: a non-blank string of at most <paramref name="maxLength"/> UTF-16 units.</summary>
    private static string Text(ref Utf8JsonReader json, int maxLength)
    {
        Read(ref json);
        Expect(json.TokenType == JsonTokenType.String);
        var text = json.GetString()!;
        Expect(text.Length <= maxLength && !string.IsNullOrWhiteSpace(text));
        return text;
    }

    private static string? OptionalString(ref Utf8JsonReader json)
    {
        Read(ref json);
        if (json.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        Expect(json.TokenType == JsonTokenType.String);
        return json.GetString();
    }

    private static DateOnly Date(ref Utf8JsonReader json)
    {
        Read(ref json);
        return DateValue(ref json);
    }

    private static DateOnly DateValue(ref Utf8JsonReader json)
    {
        var date = default(DateOnly);
        Expect(json.TokenType == JsonTokenType.String && !json.ValueIsEscaped && DocumentDates.TryParse(json.ValueSpan, out date));
        return date;
    }

    /// <summary>The index of one of <paramref name="names"/> (case-sensitive), or null.</summary>
    private static int? Choice(ref Utf8JsonReader json, byte[][] names)
    {
        Read(ref json);
        if (json.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        Expect(json.TokenType == JsonTokenType.String);
        for (var i = 0; i < names.Length; i++)
        {
            if (json.ValueTextEquals(names[i]))
            {
                return i;
            }
        }

        throw new GiveUpException();
    }

    /// <summary>A measured value when given (false for null); without an exponent, which the thorough reader may parse differently.</summary>
    private static bool Measured(ref Utf8JsonReader json, ref decimal value)
    {
        Read(ref json);
        if (json.TokenType == JsonTokenType.Null)
        {
            return false;
        }

        Expect(json.TokenType == JsonTokenType.Number && json.ValueSpan.IndexOfAny("eE"u8) < 0 && json.TryGetDecimal(out value));
        return true;
    }

    /// <summary>A weight: finite and &gt;= 0, default 1.</summary>
    private static double OptionalWeight(ref Utf8JsonReader json)
    {
        Read(ref json);
        if (json.TokenType == JsonTokenType.Null)
        {
            return 1;
        }

        var weight = 0.0;
        Expect(json.TokenType == JsonTokenType.Number && json.TryGetDouble(out weight) && OkrGuard.IsWeight(weight));
        return weight + 0.0;
    }

    /// <summary>An integer 0-10 (7.0 counts as 7), or null.</summary>
    private static int? Confidence(ref Utf8JsonReader json)
    {
        decimal value = 0;
        if (!Measured(ref json, ref value))
        {
            return null;
        }

        Expect(value == decimal.Truncate(value) && value is >= 0 and <= 10);
        return (int)value;
    }
}
