global using static Okr.Core.Tests.Build;
