using Pipeline.Cli;

return await PipelineRoot.Create().Parse(args).InvokeAsync();
