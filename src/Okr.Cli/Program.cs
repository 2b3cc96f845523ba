using Okr.Cli;

return OkrCommand.Run(args, Console.OpenStandardOutput(), Console.Error, TimeProvider.System, Console.IsOutputRedirected);
