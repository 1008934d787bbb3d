"""A site and two numbers in one area code, with the generated Python SDK."""

import pulumi
import pulumi_bandwidth as bandwidth

config = pulumi.Config()
area_code = config.get("areaCode") or "919"

site = bandwidth.Site("numbers", name="numbers")
order = bandwidth.PhoneNumberOrder(
    "numbers",
    site_id=site.site_id,
    area_code=area_code,
    quantity=2,
)
available = bandwidth.get_available_numbers_output(area_code=area_code, quantity=5)

pulumi.export("siteId", site.site_id)
pulumi.export("numbers", order.e164_numbers)
pulumi.export("stillAvailable", available.numbers)
