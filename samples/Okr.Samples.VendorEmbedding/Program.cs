// Embedding Okr.Core in a host application ("Acme HR Suite"): a DI container, a SQLite file as the store,
// a custom rule (ACME001), a custom grading scale and a sink that prints notifications as check-ins arrive.
// Every date is fixed, so the output is the same on every run.
using Microsoft.Extensions.DependencyInjection;
using Okr.Core;
using Okr.Core.Persistence;
using Okr.Core.Validation;
using Okr.Extensions.DependencyInjection;
using Okr.Persistence.Sqlite;
using Okr.Samples.VendorEmbedding;

const string Tenant = "acme-bakery";
const string SetId = "okrs";

// The store: a SQLite file next to the app, fresh on every run and left behind for you to inspect.
var databasePath = Path.Combine(AppContext.BaseDirectory, "vendor-embedding.okr.db");
foreach (var file in new[] { databasePath, databasePath + "-wal", databasePath + "-shm" })
{
    File.Delete(file);
}

var clock = new SampleClock(new DateOnly(2026, 10, 1));
var services = new ServiceCollection()
    .AddSingleton<TimeProvider>(clock)                         // the host's clock wins over TimeProvider.System
    .AddOkrSqlite($"Data Source={databasePath}")               // the SQLite repository instead of the in-memory one
    .AddOkr(options => options.IncludeDefaultRules = true)
    .AddOkrRule<TimidTargetRule>()                             // ACME001, run beside OKR101-OKR207
    .AddOkrEventSink<ConsoleNotificationSink>();               // prints each event as it is delivered
// Disposing the container at the end disposes the repository, which closes its connections: the file is then complete.
using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

var workflow = provider.GetRequiredService<CheckInWorkflow>();
var validator = provider.GetRequiredService<OkrValidator>();

// On start, deliver what a previous run committed but could not deliver (the outbox).
var pending = await workflow.DeliverPendingAsync();
Console.WriteLine($"Start-up: {pending.Delivered} pending event(s) delivered.");

// The host's OKRs, scored with its own grading scale.
var set = AcmeOkrs.Build();
Check(await workflow.CreateSetAsync(Tenant, SetId, set));
foreach (var objective in set.Objectives)
{
    Check(await workflow.ChangeObjectiveStateAsync(Tenant, SetId, objective.Id, ObjectiveState.Active));
}

Console.WriteLine();
Console.WriteLine("Check-ins arrive (each evaluated as of its own day):");
await CheckInAsync("2026-10-20", "kr-morning-sales", 18_000, confidence: 8);
await CheckInAsync("2026-11-05", "kr-wait", 9, confidence: 6);
await CheckInAsync("2026-11-15", "kr-morning-sales", 19_000, confidence: 3);
await CheckInAsync("2026-11-20", "kr-app", 1, confidence: 10);
await CheckInAsync("2026-12-01", "kr-wait", 4, confidence: 9);

// A late check-in for a day outside the quarter is refused with a stable code.
clock.Day = new DateOnly(2026, 12, 2);
var refused = await workflow.RecordCheckInAsync(Tenant, SetId, "kr-wait", new CheckIn(new DateOnly(2027, 1, 3), 3));
Console.WriteLine($"  refused: {refused.AsT1[0]}");

// The host's own rule runs with the built-in ones.
var stored = (await workflow.Repository.GetAsync(Tenant, SetId))!;
var evaluation = stored.Set.Evaluate(clock.Day);
Console.WriteLine();
Console.WriteLine($"Validation as of {clock.Day:yyyy-MM-dd} (host rule ACME001 beside the built-in rules):");
foreach (var finding in validator.Validate(evaluation).Findings)
{
    Console.WriteLine($"  {finding}");
}

// A sweep: which key results are overdue for a check-in (spec OKR204's condition)?
Console.WriteLine();
Console.WriteLine("Overdue sweep as of 2026-12-20:");
var sweep = (await workflow.SweepOverdueAsync(Tenant, SetId, new DateOnly(2026, 12, 20))).AsT0;
Console.WriteLine($"  {sweep.Overdue.Count} key result(s) overdue.");

// The quarter ends: close it; the objectives are graded on the custom scale and become read-only.
Console.WriteLine();
clock.Day = new DateOnly(2027, 1, 2);
Console.WriteLine("Closing 2026-Q4:");
Check(await workflow.ClosePeriodAsync(Tenant, SetId, "2026-Q4"));
var late = await workflow.RecordCheckInAsync(Tenant, SetId, "kr-wait", new CheckIn(new DateOnly(2026, 12, 31), 3));
Console.WriteLine($"  late check-in: {late.AsT1[0].Code} {late.AsT1[0].Message}");

var final = (await workflow.Repository.GetAsync(Tenant, SetId))!;
Console.WriteLine();
Console.WriteLine($"Stored: tenant '{Tenant}', set '{SetId}', version {final.Version}, period closed: {final.Lifecycle.IsPeriodClosed("2026-Q4")}.");
Console.WriteLine($"SQLite file (open it with any SQLite browser): {databasePath}");

return 0;

async Task CheckInAsync(string day, string keyResultId, decimal value, int confidence)
{
    clock.Day = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);
    Console.WriteLine($"  {day} {keyResultId} = {value} (confidence {confidence})");
    Check(await workflow.RecordCheckInAsync(Tenant, SetId, keyResultId, new CheckIn(clock.Day, value, confidence)));
}

static void Check<T>(OneOf.OneOf<T, OkrErrors> result)
{
    if (result.TryPickT1(out var errors, out _))
    {
        throw new OkrValidationException(errors);
    }
}
