using SeriousViolence.Web;

return await SeriousViolenceHost.RunAsync(args);
