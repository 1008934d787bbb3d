// A site and two numbers in one area code, with the generated Go SDK.
package main

import (
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"

	"pulumi-bandwidth/sdk/go/bandwidth"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		areaCode := config.Get(ctx, "areaCode")
		if areaCode == "" {
			areaCode = "919"
		}
		site, err := bandwidth.NewSite(ctx, "numbers", &bandwidth.SiteArgs{Name: pulumi.String("numbers")})
		if err != nil {
			return err
		}
		order, err := bandwidth.NewPhoneNumberOrder(ctx, "numbers", &bandwidth.PhoneNumberOrderArgs{
			SiteId:   site.SiteId,
			AreaCode: pulumi.String(areaCode),
			Quantity: pulumi.Int(2),
		})
		if err != nil {
			return err
		}
		available := bandwidth.GetAvailableNumbersOutput(ctx, bandwidth.GetAvailableNumbersOutputArgs{
			AreaCode: pulumi.String(areaCode),
			Quantity: pulumi.Int(5),
		})
		ctx.Export("siteId", site.SiteId)
		ctx.Export("numbers", order.E164Numbers)
		ctx.Export("stillAvailable", available.Numbers())
		return nil
	})
}
