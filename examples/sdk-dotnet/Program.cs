// A site and two numbers in one area code, with the generated .NET SDK.
using System.Collections.Generic;
using Pulumi;
using Bandwidth = PulumiBandwidth.Bandwidth;

return await Deployment.RunAsync(() =>
{
    var config = new Config();
    var areaCode = config.Get("areaCode") ?? "919";

    var site = new Bandwidth.Site("numbers", new Bandwidth.SiteArgs { Name = "numbers" });
    var order = new Bandwidth.PhoneNumberOrder("numbers", new Bandwidth.PhoneNumberOrderArgs
    {
        SiteId = site.SiteId,
        AreaCode = areaCode,
        Quantity = 2,
    });
    var available = Bandwidth.GetAvailableNumbers.Invoke(new Bandwidth.GetAvailableNumbersInvokeArgs
    {
        AreaCode = areaCode,
        Quantity = 5,
    });

    return new Dictionary<string, object?>
    {
        ["siteId"] = site.SiteId,
        ["numbers"] = order.E164Numbers,
        ["stillAvailable"] = available.Apply(result => result.Numbers),
    };
});
