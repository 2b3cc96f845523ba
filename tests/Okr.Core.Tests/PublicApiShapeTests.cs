using System.Reflection;

namespace Okr.Core.Tests;

public class PublicApiShapeTests
{
    [Fact]
    public void PublicTypes_HaveNoPublicSetters()
    {
        var offenders = typeof(Period).Assembly.GetExportedTypes()
            .Where(t => t != typeof(OkrSettingsOptions))
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(p => p.SetMethod is { IsPublic: true })
                .Select(p => $"{t.Name}.{p.Name}"))
            .ToArray();
        Assert.Empty(offenders);
    }

    [Fact]
    public void PublicTypes_HaveNoPublicMutableFields()
    {
        var offenders = typeof(Period).Assembly.GetExportedTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(f => !f.IsInitOnly && !f.IsLiteral && !t.IsEnum)
                .Select(f => $"{t.Name}.{f.Name}"))
            .ToArray();
        Assert.Empty(offenders);
    }

    [Fact]
    public void OkrSettingsOptions_IsTheMutableOptionsClass()
    {
        Assert.True(typeof(OkrSettingsOptions).GetProperty(nameof(OkrSettingsOptions.AspirationalTarget))!.SetMethod!.IsPublic);
    }
}
